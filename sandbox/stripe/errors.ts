/** Stripe's error envelope: `{"error": {"type", "code", "message", "param", "decline_code", "doc_url"}}`. */

export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error' | 'authentication_error' | 'rate_limit_error';

export interface StripeErrorFields {
  code?: string;
  param?: string;
  decline_code?: string;
  payment_intent?: unknown;
  charge?: string;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly fields: StripeErrorFields = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { type: this.type, message: this.message };
    if (this.fields.code) {
      error.code = this.fields.code;
      error.doc_url = `https://stripe.com/docs/error-codes/${this.fields.code.replace(/_/g, '-')}`;
    }
    if (this.fields.param) error.param = this.fields.param;
    if (this.fields.decline_code) error.decline_code = this.fields.decline_code;
    if (this.fields.charge) error.charge = this.fields.charge;
    if (this.fields.payment_intent) error.payment_intent = this.fields.payment_intent;
    return { error };
  }
}

export const invalidRequest = (message: string, param?: string, code?: string) =>
  new StripeApiError(400, 'invalid_request_error', message, { param, code });

export const missingParam = (param: string) => invalidRequest(`Missing required param: ${param}.`, param, 'parameter_missing');
export const unknownParam = (param: string) => invalidRequest(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
export const invalidInteger = (param: string, value: string) => invalidRequest(`Invalid integer: ${value}`, param, 'parameter_invalid_integer');
export const invalidPositiveInteger = (param: string) => invalidRequest('This value must be greater than or equal to 1.', param, 'parameter_invalid_integer');
export const invalidString = (param: string) => invalidRequest(`Invalid string: ${param} must be a string`, param, 'parameter_invalid_string_empty');
export const invalidEnum = (param: string, allowed: readonly string[]) =>
  invalidRequest(`Invalid ${param}: must be one of ${allowed.join(', ')}`, param);

/** 404 for an id that does not exist, e.g. `No such checkout.session: 'cs_test_x'`. */
export const noSuch = (objectName: string, id: string, param = 'id') =>
  new StripeApiError(404, 'invalid_request_error', `No such ${objectName}: '${id}'`, { code: 'resource_missing', param });

export const unknownRoute = (method: string, path: string) =>
  new StripeApiError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`);

export const apiError = (message = 'An unknown error occurred') => new StripeApiError(500, 'api_error', message);
