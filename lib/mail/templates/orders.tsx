import { Img, Link, Section, Text } from '@react-email/components';
import { ActionButton, EmailLayout, Facts, mono, paragraph, small } from './layout';

export type OrderEmailFacts = {
  storeName: string;
  number: number;
  product: string;
  vertical: 'voucher' | 'topup' | 'esim';
  amount: string;
  recipient: string | null;
  orderUrl: string;
};

export type VoucherCode = { cardNumber: string | null; pinCode: string | null; claimUrl: string | null; expiresAt: string | null };
export type EsimDetails = { qrCid: string; activationCode: string; smdpAddress: string | null; matchingId: string | null; iccid: string | null };

const orderFacts = (order: OrderEmailFacts) =>
  [
    ['Order', `#${order.number}`],
    ['Product', order.product],
    ['Recipient', order.recipient],
    ['Paid', order.amount],
  ] as [string, string | null][];

export function OrderReceiptEmail({ order }: { order: OrderEmailFacts }) {
  return (
    <EmailLayout storeName={order.storeName} preview={`Receipt for order #${order.number}`} heading={`Receipt for order #${order.number}`}>
      <Text style={paragraph}>Thank you. We have your payment and are placing the order with our supplier; another email follows when it is done.</Text>
      <Facts rows={orderFacts(order)} />
      <ActionButton href={order.orderUrl}>Follow the order</ActionButton>
    </EmailLayout>
  );
}

export function OrderDeliveredEmail({ order, codes, esim, topupResult }: { order: OrderEmailFacts; codes?: VoucherCode[]; esim?: EsimDetails; topupResult?: string }) {
  const heading =
    order.vertical === 'esim' ? 'Your eSIM is ready' : order.vertical === 'topup' ? 'Your top-up went through' : 'Your gift card is ready';
  return (
    <EmailLayout storeName={order.storeName} preview={`${heading}: order #${order.number}`} heading={heading}>
      <Facts rows={orderFacts(order)} />
      {order.vertical === 'topup' && <Text style={paragraph}>{topupResult ?? `${order.product} was credited to ${order.recipient ?? 'the recipient'}.`}</Text>}
      {order.vertical === 'voucher' &&
        (codes && codes.length > 0 ? (
          <Section>
            {codes.map((code, index) => (
              <Section key={index} style={{ border: '1px solid #e4e4e7', borderRadius: 6, margin: '0 0 8px', padding: '8px 12px' }}>
                {code.cardNumber && <Text style={mono}>Code: {code.cardNumber}</Text>}
                {code.pinCode && <Text style={mono}>PIN: {code.pinCode}</Text>}
                {code.claimUrl && (
                  <Text style={small}>
                    Claim: <Link href={code.claimUrl}>{code.claimUrl}</Link>
                  </Text>
                )}
                {code.expiresAt && <Text style={small}>Expires: {code.expiresAt}</Text>}
              </Section>
            ))}
          </Section>
        ) : (
          <Text style={paragraph}>Your codes are on the order page, behind a sign-in, so they stay safe if this email is forwarded.</Text>
        ))}
      {esim && (
        <Section>
          <Text style={paragraph}>Scan this QR code from your phone&apos;s eSIM settings (another screen or a printout works best):</Text>
          <Img src={`cid:${esim.qrCid}`} alt="eSIM QR code" width="240" height="240" style={{ margin: '0 0 12px' }} />
          <Text style={small}>Or enter it by hand:</Text>
          <Text style={mono}>SM-DP+ address: {esim.smdpAddress ?? '-'}</Text>
          <Text style={mono}>Activation code: {esim.matchingId ?? '-'}</Text>
          {esim.iccid && <Text style={small}>ICCID: {esim.iccid}</Text>}
          <Text style={small}>
            iPhone: Settings, Mobile Service, Add eSIM, Use QR Code. Android: Settings, Network and internet, SIMs, Download a SIM. Install it
            before you travel, on Wi-Fi, and switch it on when you arrive; turn on data roaming for this line.
          </Text>
        </Section>
      )}
      <ActionButton href={order.orderUrl}>{order.vertical === 'voucher' && !codes?.length ? 'Show my codes' : 'View the order'}</ActionButton>
    </EmailLayout>
  );
}

export function OrderFailedEmail({ order, reason, fixable, refund }: { order: OrderEmailFacts; reason: string; fixable: boolean; refund: string | null }) {
  return (
    <EmailLayout storeName={order.storeName} preview={`Order #${order.number} did not go through`} heading={`Order #${order.number} did not go through`}>
      <Facts rows={orderFacts(order)} />
      <Text style={paragraph}>{reason}</Text>
      {refund && <Text style={paragraph}>We have refunded {refund} to your store balance.</Text>}
      <Text style={paragraph}>
        {fixable ? 'Check the details (for example the number or player ID) and try again from the order page.' : 'You can try again, or choose another product.'}
      </Text>
      <ActionButton href={order.orderUrl}>{fixable ? 'Fix and try again' : 'View the order'}</ActionButton>
    </EmailLayout>
  );
}

export function OperatorAlertEmail({ storeName, message, consoleUrl }: { storeName: string; message: string; consoleUrl: string }) {
  return (
    <EmailLayout storeName={storeName} preview={message} heading="Store alert">
      <Text style={paragraph}>{message}</Text>
      <Text style={small}>This is the one email for this alert: the next comes only after it clears and happens again.</Text>
      <ActionButton href={consoleUrl}>Open the dashboard</ActionButton>
    </EmailLayout>
  );
}
