import 'server-only';
import { registerCatalogueJobs } from '@/lib/catalogue/jobs';
import { registerAdminJobs } from '@/lib/admin/jobs';
import { registerOrderJobs } from '@/lib/orders/jobs';

/**
 * The one place that lists background jobs: imported by the server's instrumentation hook and
 * by `npm run worker`. Each feature adds its job here.
 */
export async function registerAllJobs(): Promise<void> {
  registerOrderJobs();
  registerAdminJobs();
  registerCatalogueJobs();
}
