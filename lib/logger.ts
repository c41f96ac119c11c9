import 'server-only';
import pino from 'pino';
import { redact } from '@/lib/octopus/redact';

/**
 * The one server logger: JSON lines, errors on stderr and the rest on stdout. Every line passes
 * through the supplier redaction, so a secret added to a log call later is still masked.
 * LOG_LEVEL picks the level; test runs are silent unless it is set.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => redact(fields),
    },
  },
  pino.multistream(
    [
      { level: 'info', stream: process.stdout },
      { level: 'error', stream: process.stderr },
    ],
    { dedupe: true },
  ),
);
