import { getVertical, type VerticalSlug } from '@/lib/verticals';

export function VerticalHeading({ slug }: { slug: VerticalSlug }) {
  const vertical = getVertical(slug);
  return (
    <header className="space-y-1">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{vertical.title}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{vertical.description}</p>
    </header>
  );
}
