/**
 * Every email template and the data it is queued with (see queueEmail in lib/mail/outbox.ts).
 * Order emails carry only the order id: the order is read when the email is sent, so codes and
 * activation strings stay encrypted in the order row and are never copied into the outbox.
 */
export type EmailTemplateData = {
  /** A guest's way back to the order: `orderUrl` absolute, or a path on this store ("/orders/..."). */
  'guest-order-link': { orderUrl: string; orderNumber: number | string };
  'password-reset': { resetUrl: string };
  'email-verification': { verifyUrl: string };
  /** Someone tried to sign up with the address of an existing account. */
  'sign-up-attempt': { resetUrl: string };
  'order-receipt': { orderId: string };
  'order-delivered': { orderId: string };
  'order-failed': { orderId: string };
  'operator-alert': { alertId: string };
};

export type EmailTemplateName = keyof EmailTemplateData;
