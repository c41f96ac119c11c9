/** The catalogue types pages and components work with; only lib/ reaches into the schema. */
export type { CatalogueSyncRun, Product } from '@/db/schema';
