import 'server-only';
import { z } from 'zod';
import type { User } from '@/db/schema';
import { checkOperator, getCurrentUser } from '@/lib/auth/guards';

/** What every server action returns to its form (see STYLE.md "Server actions"). */
export type ActionState = {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

const SECRET_FIELDS = /password|secret|token/i;

/** The submitted text fields, minus secrets, so a refused form refills itself. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !SECRET_FIELDS.test(key)) values[key] = value;
  }
  return values;
}

export function errorState(formData: FormData, message: string, fieldErrors?: Record<string, string[]>): ActionState {
  return { status: 'error', message, fieldErrors, values: formValues(formData) };
}

type Handler<S extends z.ZodType, Extra extends unknown[]> = (
  data: z.infer<S>,
  formData: FormData,
  ...extra: Extra
) => Promise<ActionState>;

function parse<S extends z.ZodType>(schema: S, formData: FormData) {
  const result = schema.safeParse(Object.fromEntries(formData.entries()));
  if (result.success) return { data: result.data as z.infer<S> };
  const fieldErrors = z.flattenError(result.error).fieldErrors as Record<string, string[]>;
  return { error: errorState(formData, 'Please correct the highlighted fields.', fieldErrors) };
}

/** Validates the form with zod; every invalid field gets its messages. */
export function validatedAction<S extends z.ZodType>(schema: S, handler: Handler<S, []>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const parsed = parse(schema, formData);
    return parsed.error ?? handler(parsed.data, formData);
  };
}

/** Like validatedAction, for signed-in users: the handler gets the caller to scope every query. */
export function userAction<S extends z.ZodType>(schema: S, handler: Handler<S, [User]>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getCurrentUser();
    if (!user) return errorState(formData, 'Your session has ended. Sign in again to continue.');
    const parsed = parse(schema, formData);
    return parsed.error ?? handler(parsed.data, formData, user);
  };
}

/**
 * For operator actions. An action is a public POST endpoint whatever the UI shows, so the
 * role is checked here, on the server, before anything is read or written.
 */
export function operatorAction<S extends z.ZodType>(schema: S, handler: Handler<S, [User]>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const check = await checkOperator();
    if (!check.ok) return { status: 'error', message: 'Only store operators can do this.' };
    const parsed = parse(schema, formData);
    return parsed.error ?? handler(parsed.data, formData, check.operator);
  };
}
