'use client';

import type { CountryCode } from 'libphonenumber-js';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { Field } from '@/components/ui/field';
import { INPUT_PREFIX } from '@/lib/forms/input-names';
import type { FieldDescriptor } from '@/lib/forms/types';
import type { PhoneFieldData } from '@/lib/phone-options';
import { PhoneField } from './phone-field';

/** One control for one `input_fields` entry: the form is rendered from the product's fields. */
export function DynamicField({
  field,
  defaultValue,
  errors,
  defaultCountry,
  phone,
}: {
  field: FieldDescriptor;
  defaultValue?: string;
  errors?: string[];
  defaultCountry?: CountryCode;
  /** Set by the server for products with a phone field: the countries it offers. */
  phone?: PhoneFieldData;
}) {
  const t = useTranslations('checkout');
  const id = useId();
  const name = `${INPUT_PREFIX}${field.name}`;
  const label = field.required ? field.label : `${field.label} (optional)`;
  if (field.type === 'phone' && phone) {
    return (
      <PhoneField
        name={name}
        label={label}
        defaultValue={defaultValue}
        defaultCountry={defaultCountry}
        errors={errors}
        hint={field.helpText}
        required={field.required}
        data={phone}
        countryCodeLabel={t('countryCode')}
      />
    );
  }
  if (field.type === 'select') {
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <select
          id={id}
          name={name}
          defaultValue={defaultValue ?? ''}
          required={field.required}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          className="mt-1 block w-full rounded-xl border border-zinc-300 bg-white px-3 py-2.5 text-base aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">{field.required ? t('chooseField', { label: field.label.toLowerCase() }) : t('notNeeded')}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {field.helpText && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{field.helpText}</p>}
        {errors?.length ? (
          <ul id={`${id}-error`} className="mt-1 text-sm text-red-600 dark:text-red-400">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return (
    <Field
      label={label}
      name={name}
      type={field.type === 'email' ? 'email' : 'text'}
      inputMode={field.type === 'number' || (field.pattern?.includes('[0-9]') ?? false) ? 'numeric' : undefined}
      autoComplete="off"
      required={field.required}
      // No minLength/maxLength attributes: the browser would cut a pasted value (spaces
      // included) to the limit and send another player's ID. The shared schema trims first,
      // then checks, and refuses with the field's message.
      placeholder={field.placeholder ?? undefined}
      hint={field.helpText ?? undefined}
      defaultValue={defaultValue}
      errors={errors}
    />
  );
}
