import 'server-only';
import { getDb } from '@/db';
import type { Job } from '@/lib/jobs/runner';
import { sendDueEmails } from './sender';

/** Sends the outbox. Cheap when idle (one indexed query), so it runs often and mail goes out within seconds. */
export const mailOutboxJob: Job = {
  name: 'mail-outbox',
  intervalMs: 3_000,
  async run() {
    const db = await getDb();
    for (let batch = 0; batch < 10; batch++) if ((await sendDueEmails(db)) === 0) break;
  },
};
