import 'server-only';
import { z } from 'zod';
import type { Transport } from './client';
import { OctopusApiError } from './errors';
import type { CreateOrderOutcome } from './types';

/** Helpers shared by the three verticals' order functions. */

const PRINTABLE_ASCII = /^[\x20-\x7E]{1,255}$/;

/**
 * The API's rule for client_reference (1–255 printable ASCII), checked before sending so a bad
 * reference is a plain rejection rather than an order the reconciler could never look up.
 */
export function checkClientReference(clientReference: string, path: string): CreateOrderOutcome<never> | null {
  if (typeof clientReference === 'string' && PRINTABLE_ASCII.test(clientReference)) return null;
  return {
    outcome: 'rejected',
    error: new OctopusApiError({
      kind: 'validation',
      status: null,
      code: 'VALIDATION_FAILURE',
      name: 'ValidationException',
      message: 'client_reference must be 1 to 255 printable ASCII characters',
      requestId: null,
      method: 'POST',
      path,
    }),
  };
}

export function mapOutcome<W, D>(outcome: CreateOrderOutcome<W>, map: (wire: W) => D): CreateOrderOutcome<D> {
  return outcome.outcome === 'accepted' ? { outcome: 'accepted', order: map(outcome.order) } : outcome;
}

/** Ids are interpolated into paths; refuse anything but a positive integer. */
export function idPath(base: string, id: number, suffix = ''): string {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`Invalid id: ${id}`);
  return `${base}/${id}${suffix}`;
}

/**
 * The order with this client_reference, or null. The API filters to an exact match; checking it
 * again here means a server that ignored the filter cannot make us adopt someone else's order.
 */
export async function findByClientReference<T extends { client_reference?: string | null }>(
  transport: Transport,
  path: string,
  schema: z.ZodType<T>,
  clientReference: string,
): Promise<T | null> {
  const orders = await transport.read({
    method: 'GET',
    path,
    query: { client_reference: clientReference },
    schema: z.array(schema),
  });
  return orders.find((order) => order.client_reference === clientReference) ?? null;
}
