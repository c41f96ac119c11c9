/**
 * The SMTP catcher: a real SMTP server (smtp-server) that keeps every message it accepts in
 * memory, parsed with mailparser, for the sandbox's /__sandbox/mail endpoints and inbox page.
 * Addresses that look undeliverable are refused at RCPT TO with a permanent 550, as a real
 * server would, so the storefront's bounce handling can be tried: a local part starting with
 * "bounce" or a domain ending in ".invalid".
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type CaughtAttachment = { filename: string | null; contentType: string; cid: string | null; size: number; content: Buffer };

export type CaughtMail = {
  id: number;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  links: string[];
  attachments: CaughtAttachment[];
  receivedAt: string;
};

const MAX_MESSAGES = 1000;

const addressesOf = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value.map((entry) => entry.address ?? '').filter(Boolean));

/** Links found in the HTML (href) and text, in order, without duplicates. */
export function extractLinks(html: string, text: string): string[] {
  const found = [
    ...[...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&')),
    ...[...text.matchAll(/https?:\/\/[^\s<>"\])]+/g)].map((match) => match[0]),
  ].filter((link) => /^https?:\/\//.test(link));
  return [...new Set(found)];
}

export const isUndeliverable = (address: string) => /^bounce/i.test(address) || /\.invalid$/i.test(address.trim());

/** What the catcher has received: survives the SMTP listener being stopped and started again. */
export class MailStore {
  private messages: CaughtMail[] = [];
  private nextId = 1;

  add(mail: Omit<CaughtMail, 'id'>): CaughtMail {
    const stored = { ...mail, id: this.nextId++ };
    this.messages.push(stored);
    if (this.messages.length > MAX_MESSAGES) this.messages.shift();
    return stored;
  }

  /** Newest first; `to` matches any recipient, case-insensitively. */
  list(to?: string | null): CaughtMail[] {
    const wanted = to?.trim().toLowerCase();
    return this.messages.filter((mail) => !wanted || mail.to.some((address) => address.toLowerCase() === wanted)).reverse();
  }

  get(id: number): CaughtMail | undefined {
    return this.messages.find((mail) => mail.id === id);
  }

  clear(): void {
    this.messages = [];
  }
}

export type RunningMailCatcher = {
  port: number;
  url: string;
  store: MailStore;
  /** Stops listening (an SMTP outage); `start()` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  readonly listening: boolean;
};

export async function startMailCatcher({ port = 0, host = '127.0.0.1', store = new MailStore() } = {}): Promise<RunningMailCatcher> {
  let server: SMTPServer | undefined;
  let boundPort = port;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      banner: 'Octopus sandbox mail catcher',
      size: 10 * 1024 * 1024,
      // An outage test stops the listener with clients connected: do not wait 30 s for them.
      closeTimeout: 500,
      logger: false,
      onRcptTo(address, _session, callback) {
        if (isUndeliverable(address.address)) {
          const error = Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 });
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        // keepCidLinks: the HTML as sent (cid: images); the inbox page maps them to the attachments itself.
        simpleParser(stream, { keepCidLinks: true })
          .then((parsed) => {
            const html = typeof parsed.html === 'string' ? parsed.html : '';
            const text = parsed.text ?? '';
            store.add({
              messageId: parsed.messageId ?? null,
              from: addressesOf(parsed.from)[0] ?? session.envelope.mailFrom?.toString() ?? '',
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? '',
              text,
              html,
              links: extractLinks(html, text),
              attachments: parsed.attachments.map((attachment) => ({
                filename: attachment.filename ?? null,
                contentType: attachment.contentType,
                cid: attachment.cid ?? null,
                size: attachment.size,
                content: attachment.content,
              })),
              receivedAt: new Date().toISOString(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  const start = async () => {
    if (server) return;
    const next = create();
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(boundPort, host, () => {
        next.off('error', reject);
        resolve();
      });
    });
    next.on('error', (error) => console.error('[mail catcher]', error.message));
    boundPort = ((next.server.address() as AddressInfo | null)?.port ?? boundPort) as number;
    server = next;
  };
  const stop = async () => {
    const current = server;
    server = undefined;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await start();
  return {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://${host}:${boundPort}`;
    },
    store,
    stop,
    start,
    get listening() {
      return server !== undefined;
    },
  };
}
