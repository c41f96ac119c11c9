import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

/** What every client component may use (buttons, notices), beside the namespaces a page asks for. */
const common = ['common'];

/**
 * Hands client components the messages of the namespaces they use, and no others: the
 * rest of the catalogue of messages stays on the server (pages translate with getTranslations).
 * An inner provider replaces an outer one, so each one carries the common namespace too.
 */
export async function ClientIntl({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries([...common, ...namespaces].filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
