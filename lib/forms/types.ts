/**
 * One field of a product's order form, as parsed from the supplier's `input_fields` (see
 * lib/octopus/input-fields.ts). Shared by the browser and the server: no server-only imports.
 */
export type FieldType = 'text' | 'number' | 'select' | 'phone' | 'email';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldDescriptor {
  /** The key to send in `input_data`. */
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** A regular expression source that compiles in JavaScript, else null. */
  pattern: string | null;
  minLength: number | null;
  maxLength: number | null;
  /** Bounds for number fields. */
  min: number | null;
  max: number | null;
  placeholder: string | null;
  helpText: string | null;
  /** Non-empty exactly when type is 'select'. */
  options: FieldOption[];
}
