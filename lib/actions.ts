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

type Handler<S extends z.ZodType, Extra extends unknown[], State extends ActionState> = (
  data: z.infer<S>,
  formData: FormData,
  ...extra: Extra
) => Promise<NoInfer<State>>;

/** How an action answers a refused caller or a form that does not parse, where the default does not fit. */
export type ActionMessages = { signedOut?: string; invalid?: string };

/**
 * A refusal is a plain ActionState; states that extend it (the checkout's review) only add
 * optional fields, so a refusal is one of them too.
 */
const refusal = <State extends ActionState>(state: ActionState) => state as State;

function parse<S extends z.ZodType>(schema: S, formData: FormData, invalid = 'Please correct the highlighted fields.') {
  const result = schema.safeParse(Object.fromEntries(formData.entries()));
  if (result.success) return { data: result.data as z.infer<S> };
  const fieldErrors = z.flattenError(result.error).fieldErrors as Record<string, string[]>;
  return { error: errorState(formData, invalid, fieldErrors) };
}

/** Validates the form with zod; every invalid field gets its messages. */
export function validatedAction<S extends z.ZodType, State extends ActionState = ActionState>(schema: S, handler: Handler<S, [], State>) {
  return async (_prev: State, formData: FormData): Promise<State> => {
    const parsed = parse(schema, formData);
    return parsed.error ? refusal<State>(parsed.error) : handler(parsed.data, formData);
  };
}

/** Like validatedAction, for signed-in users: the handler gets the caller to scope every query. */
export function userAction<S extends z.ZodType, State extends ActionState = ActionState>(
  schema: S,
  handler: Handler<S, [User], State>,
  messages: ActionMessages = {},
) {
  return async (_prev: State, formData: FormData): Promise<State> => {
    const user = await getCurrentUser();
    if (!user) return refusal<State>(errorState(formData, messages.signedOut ?? 'Your session has ended. Sign in again to continue.'));
    const parsed = parse(schema, formData, messages.invalid);
    return parsed.error ? refusal<State>(parsed.error) : handler(parsed.data, formData, user);
  };
}

/**
 * For operator actions. An action is a public POST endpoint whatever the UI shows, so the
 * role is checked here, on the server, before anything is read or written.
 */
export function operatorAction<S extends z.ZodType, State extends ActionState = ActionState>(schema: S, handler: Handler<S, [User], State>) {
  return async (_prev: State, formData: FormData): Promise<State> => {
    const check = await checkOperator();
    if (!check.ok) return refusal<State>({ status: 'error', message: 'Only store operators can do this.' });
    const parsed = parse(schema, formData);
    return parsed.error ? refusal<State>(parsed.error) : handler(parsed.data, formData, check.operator);
  };
}
