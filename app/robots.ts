import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { buildRobots } from '@/lib/seo';
import { siteUrl } from '@/lib/seo/server';

/** /robots.txt: the store is open to crawlers; accounts, orders, the console and the API are not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return buildRobots(siteUrl());
}
