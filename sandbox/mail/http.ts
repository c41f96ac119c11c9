/**
 * The catcher's HTTP side, served by the Octopus sandbox under /__sandbox/mail (loopback only):
 *   GET    /__sandbox/mail?to=<address>   JSON array, newest first
 *   GET    /__sandbox/mail/inbox[?to=]     a plain inbox page (the storefront's Sandbox badge links to its copy, /sandbox/mail/inbox)
 *   GET    /__sandbox/mail/<id>            one message as its HTML, inline images served below
 *   GET    /__sandbox/mail/<id>/cid/<cid>  an inline image or attachment
 *   DELETE /__sandbox/mail                 forget every message
 *   POST   /__sandbox/mail/smtp            {"listening": false|true}: stop or restart the SMTP listener (an outage)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaughtMail, RunningMailCatcher } from './catcher';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A caught message as `GET /__sandbox/mail` answers it: attachments by URL instead of bytes. */
export type MailView = ReturnType<typeof view>;

function view(mail: CaughtMail) {
  return {
    id: mail.id,
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    links: mail.links,
    attachments: mail.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      cid: attachment.cid,
      size: attachment.size,
      path: `/__sandbox/mail/${mail.id}/cid/${encodeURIComponent(attachment.cid ?? attachment.filename ?? '')}`,
    })),
    receivedAt: mail.receivedAt,
  };
}

function sendText(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

function inboxPage(catcher: RunningMailCatcher, to: string | null): string {
  const messages = catcher.store.list(to);
  const rows = messages
    .map(
      (mail) =>
        `<li><a href="./${mail.id}"><strong>${escapeHtml(mail.subject || '(no subject)')}</strong></a><br>` +
        `<small>to ${escapeHtml(mail.to.join(', '))} · from ${escapeHtml(mail.from)} · ${escapeHtml(mail.receivedAt)}</small></li>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox inbox</title><style>body{font-family:system-ui,sans-serif;max-width:720px;margin:0 auto;padding:16px;color:#18181b}
li{margin:0 0 12px;list-style:none;border-bottom:1px solid #e4e4e7;padding:0 0 12px}ul{padding:0}a{color:#1d4ed8}small{color:#52525b}</style></head>
<body><h1>Sandbox inbox</h1><p>Every email the storefront sent to the SMTP catcher (${catcher.listening ? `listening on port ${catcher.port}` : 'stopped'}), newest first.</p>
<form method="get"><label>Recipient <input name="to" type="email" value="${escapeHtml(to ?? '')}"></label> <button>Filter</button></form>
${messages.length ? `<ul>${rows}</ul>` : '<p>No messages yet.</p>'}</body></html>`;
}

// The pages link relatively (./<id>, <id>/cid/...) so they work under the storefront's /sandbox/mail/ too.

/** Answers /__sandbox/mail requests; returns false for any other path. */
export async function handleMailRequest(catcher: RunningMailCatcher, req: IncomingMessage, res: ServerResponse, url: URL, path: string, body: string | undefined): Promise<boolean> {
  if (path !== '/__sandbox/mail' && !path.startsWith('/__sandbox/mail/')) return false;
  const method = (req.method ?? 'GET').toUpperCase();
  if (path === '/__sandbox/mail') {
    if (method === 'GET') sendJson(res, 200, catcher.store.list(url.searchParams.get('to')).map(view));
    else if (method === 'DELETE') {
      catcher.store.clear();
      sendJson(res, 200, { ok: true });
    } else sendJson(res, 405, { error: 'Method not allowed' });
    return true;
  }
  if (path === '/__sandbox/mail/inbox' && method === 'GET') {
    sendText(res, 200, 'text/html; charset=utf-8', inboxPage(catcher, url.searchParams.get('to')));
    return true;
  }
  if (path === '/__sandbox/mail/smtp' && method === 'POST') {
    let listening: unknown;
    try {
      listening = (JSON.parse(body || '{}') as { listening?: unknown }).listening;
    } catch {
      listening = undefined;
    }
    if (typeof listening !== 'boolean') {
      sendJson(res, 400, { error: 'Send {"listening": true} or {"listening": false}' });
      return true;
    }
    await (listening ? catcher.start() : catcher.stop());
    sendJson(res, 200, { listening: catcher.listening, port: catcher.port });
    return true;
  }
  const match = /^\/__sandbox\/mail\/(\d+)(?:\/cid\/(.+))?$/.exec(path);
  const mail = match ? catcher.store.get(Number(match[1])) : undefined;
  if (!match || !mail || method !== 'GET') {
    sendJson(res, 404, { error: 'No such message' });
    return true;
  }
  if (match[2]) {
    const wanted = decodeURIComponent(match[2]);
    const attachment = mail.attachments.find((entry) => entry.cid === wanted || entry.filename === wanted);
    if (!attachment) sendJson(res, 404, { error: 'No such attachment' });
    else sendText(res, 200, attachment.contentType, attachment.content);
    return true;
  }
  const html = (mail.html || `<pre>${escapeHtml(mail.text)}</pre>`).replace(/(["'])cid:([^"']+)\1/g, (_all, quote: string, cid: string) => `${quote}${mail.id}/cid/${encodeURIComponent(cid)}${quote}`);
  sendText(res, 200, 'text/html; charset=utf-8', html);
  return true;
}
