import { z } from 'zod';

const uuid = z.uuid();

/** Our row ids are UUIDs: anything else in a URL or a form names nothing, so it reads as not found. */
export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;
