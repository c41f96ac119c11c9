import Link from 'next/link';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Operator-written Markdown, rendered on the server. Raw HTML in the text is shown as text, never
 * run (react-markdown's default), and link targets pass its URL filter (no `javascript:`).
 */
const components: Components = {
  h1: ({ children }) => <h2 className="mt-8 text-xl font-bold tracking-tight first:mt-0">{children}</h2>,
  h2: ({ children }) => <h2 className="mt-8 text-xl font-bold tracking-tight first:mt-0">{children}</h2>,
  h3: ({ children }) => <h3 className="mt-6 text-lg font-semibold">{children}</h3>,
  p: ({ children }) => <p className="mt-3 leading-relaxed text-zinc-700 dark:text-zinc-300">{children}</p>,
  ul: ({ children }) => <ul className="mt-3 list-disc space-y-1.5 pl-6 text-zinc-700 dark:text-zinc-300">{children}</ul>,
  ol: ({ children }) => <ol className="mt-3 list-decimal space-y-1.5 pl-6 text-zinc-700 dark:text-zinc-300">{children}</ol>,
  li: ({ children }) => <li className="leading-relaxed">{children}</li>,
  strong: ({ children }) => <strong className="font-semibold text-zinc-900 dark:text-white">{children}</strong>,
  code: ({ children }) => <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[0.9em] dark:bg-zinc-800">{children}</code>,
  blockquote: ({ children }) => <blockquote className="mt-3 border-l-4 border-zinc-300 pl-4 dark:border-zinc-700">{children}</blockquote>,
  table: ({ children }) => (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => <th className="border-b border-zinc-200 px-3 py-2 font-semibold dark:border-zinc-800">{children}</th>,
  td: ({ children }) => <td className="border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">{children}</td>,
  a: ({ href = '', children }) =>
    href.startsWith('/') ? (
      <Link href={href} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
        {children}
      </Link>
    ) : (
      <a href={href} rel="noopener noreferrer nofollow" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
        {children}
      </a>
    ),
  img: ({ alt }) => <span>{alt}</span>,
};

export function Markdown({ children }: { children: string }) {
  return (
    <div className="text-base">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
