import { connection } from 'next/server';
import { SiteHeader } from '@/components/layout/site-header';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="content" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
        {children}
      </main>
    </div>
  );
}
