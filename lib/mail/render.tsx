import 'server-only';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { ReactElement } from 'react';
import type { Database } from '@/db';
import { operatorAlerts, orders, type Order } from '@/db/schema';
import { decryptJson } from '@/lib/crypto';
import { env } from '@/lib/env';
import { formatMoney } from '@/lib/money';
import { readStoreInfo } from '@/lib/store';
import { getStoreSettings } from '@/lib/store/settings';
import type { DeliverySecrets } from '@/lib/supplier/orders';
import type { EmailTemplateData, EmailTemplateName } from './templates';
import { EmailVerificationEmail, GuestOrderLinkEmail, PasswordResetEmail, SignUpAttemptEmail } from './templates/account';
import { OperatorAlertEmail, OrderDeliveredEmail, OrderFailedEmail, OrderReceiptEmail, type OrderEmailFacts } from './templates/orders';

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; content: Buffer; contentType: string; cid: string }[];
};

/** A link on this store: absolute URLs pass through, paths get PUBLIC_URL in front. */
export const absoluteUrl = (pathOrUrl: string) => (/^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${env().PUBLIC_URL}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`);

type Draft = { subject: string; element: ReactElement; attachments?: RenderedEmail['attachments'] };

/** Renders a queued email (subject, HTML, plain text, inline images) from its template and data. */
export async function renderEmail<T extends EmailTemplateName>(db: Database, template: T, data: EmailTemplateData[T]): Promise<RenderedEmail> {
  const draft = await draftEmail(db, template as EmailTemplateName, data as EmailTemplateData[EmailTemplateName]);
  // React Email needs react-dom/server, which React Server Components may not import statically.
  const { render, toPlainText } = await import('@react-email/components');
  // One React render: the plain-text part is made from the HTML (rendering twice cost a second
  // render per mail, two mails per order, on the server's event loop).
  const html = await render(draft.element);
  return { subject: draft.subject, html, text: toPlainText(html), attachments: draft.attachments ?? [] };
}

async function draftEmail(db: Database, template: EmailTemplateName, data: EmailTemplateData[EmailTemplateName]): Promise<Draft> {
  const store = await readStoreInfo(db);
  switch (template) {
    case 'password-reset': {
      const { resetUrl } = data as EmailTemplateData['password-reset'];
      return { subject: `Reset your ${store.name} password`, element: <PasswordResetEmail storeName={store.name} resetUrl={absoluteUrl(resetUrl)} /> };
    }
    case 'email-verification': {
      const { verifyUrl } = data as EmailTemplateData['email-verification'];
      return { subject: `Confirm your email address for ${store.name}`, element: <EmailVerificationEmail storeName={store.name} verifyUrl={absoluteUrl(verifyUrl)} /> };
    }
    case 'sign-up-attempt': {
      const { resetUrl } = data as EmailTemplateData['sign-up-attempt'];
      return { subject: `Someone tried to sign up at ${store.name} with your address`, element: <SignUpAttemptEmail storeName={store.name} resetUrl={absoluteUrl(resetUrl)} /> };
    }
    case 'guest-order-link': {
      const { orderUrl, orderNumber } = data as EmailTemplateData['guest-order-link'];
      return {
        subject: `Your ${store.name} order #${orderNumber}`,
        element: <GuestOrderLinkEmail storeName={store.name} orderUrl={absoluteUrl(orderUrl)} orderNumber={String(orderNumber)} />,
      };
    }
    case 'operator-alert': {
      const { alertId } = data as EmailTemplateData['operator-alert'];
      const [alert] = await db.select().from(operatorAlerts).where(eq(operatorAlerts.id, alertId));
      if (!alert) throw new PermanentRenderError(`operator alert ${alertId} no longer exists`);
      return {
        subject: `[${store.name}] ${alert.message.split(/(?<=[.:])\s/)[0]}`,
        element: <OperatorAlertEmail storeName={store.name} message={alert.message} consoleUrl={absoluteUrl('/admin')} />,
      };
    }
    case 'order-receipt':
    case 'order-delivered':
    case 'order-failed': {
      const { orderId } = data as EmailTemplateData['order-receipt'];
      const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
      if (!order) throw new PermanentRenderError(`order ${orderId} no longer exists`);
      const facts: OrderEmailFacts = {
        storeName: store.name,
        number: order.number,
        product: [order.productName, order.variantName].filter(Boolean).join(' · '),
        vertical: order.vertical,
        amount: formatMoney(order.retailAmount, order.retailCurrency),
        recipient: order.recipient,
        orderUrl: absoluteUrl(`/orders/${order.id}`),
      };
      if (template === 'order-receipt') return { subject: `Receipt for your ${store.name} order #${order.number}`, element: <OrderReceiptEmail order={facts} /> };
      if (template === 'order-failed') {
        return {
          subject: `Order #${order.number} did not go through`,
          element: (
            <OrderFailedEmail
              order={facts}
              reason={order.failureReason ?? order.statusText ?? 'The supplier could not complete this order.'}
              fixable={order.isUserFixable}
              refund={order.refundedAt ? facts.amount : null}
            />
          ),
        };
      }
      return deliveredDraft(db, order, facts);
    }
  }
}

async function deliveredDraft(db: Database, order: Order, facts: OrderEmailFacts): Promise<Draft> {
  const secrets = order.deliverySecret ? decryptJson<DeliverySecrets>(order.deliverySecret) : {};
  const subject = `Order #${order.number} is delivered`;
  if (order.vertical === 'esim' && secrets.esim) {
    const qrCid = `esim-qr-${order.id}`;
    // pngjs's default tries five row filters per row, on the event loop; Paeth alone makes the
    // same size of file for a QR code in about a third of the time. filterType is a
    // pngjs option that qrcode passes on but its types do not list.
    const png = await QRCode.toBuffer(secrets.esim.activationCode, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480, rendererOpts: { filterType: 4 } as QRCode.QRCodeToBufferOptions['rendererOpts'] });
    const iccid = typeof order.delivery.iccid === 'string' ? order.delivery.iccid : null;
    return {
      subject,
      element: <OrderDeliveredEmail order={facts} esim={{ qrCid, ...secrets.esim, iccid }} />,
      attachments: [{ filename: 'esim-qr.png', content: png, contentType: 'image/png', cid: qrCid }],
    };
  }
  if (order.vertical === 'voucher') {
    const settings = await getStoreSettings(db);
    return { subject, element: <OrderDeliveredEmail order={facts} codes={settings.emailVoucherCodes ? secrets.vouchers : undefined} /> };
  }
  return { subject, element: <OrderDeliveredEmail order={facts} topupResult={order.statusText ?? undefined} /> };
}

/** The email can never be rendered (its order or alert is gone): fail it instead of retrying. */
export class PermanentRenderError extends Error {}
