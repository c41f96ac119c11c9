import { Link, Text } from '@react-email/components';
import { ActionButton, EmailLayout, paragraph, small } from './layout';

export function PasswordResetEmail({ storeName, resetUrl }: { storeName: string; resetUrl: string }) {
  return (
    <EmailLayout storeName={storeName} preview="Choose a new password" heading="Reset your password">
      <Text style={paragraph}>Someone (we hope you) asked to reset the password of your {storeName} account. The link works once, for 30 minutes.</Text>
      <ActionButton href={resetUrl}>Choose a new password</ActionButton>
      <Text style={small}>
        Or open this address: <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
      <Text style={small}>A new password signs you out everywhere else. If you did not ask, ignore this email: your password stays as it is.</Text>
    </EmailLayout>
  );
}

export function EmailVerificationEmail({ storeName, verifyUrl }: { storeName: string; verifyUrl: string }) {
  return (
    <EmailLayout storeName={storeName} preview="Confirm your email address" heading="Confirm your email address">
      <Text style={paragraph}>Welcome to {storeName}. Confirm that this address is yours so we can link orders you placed as a guest to your account.</Text>
      <ActionButton href={verifyUrl}>Confirm my address</ActionButton>
      <Text style={small}>
        Or open this address: <Link href={verifyUrl}>{verifyUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

export function GuestOrderLinkEmail({ storeName, orderUrl, orderNumber }: { storeName: string; orderUrl: string; orderNumber: string }) {
  return (
    <EmailLayout storeName={storeName} preview={`Your order #${orderNumber}`} heading={`Your order #${orderNumber}`}>
      <Text style={paragraph}>Thank you for your order. This link is your way back to it: its status, and your codes or eSIM once delivered.</Text>
      <ActionButton href={orderUrl}>View my order</ActionButton>
      <Text style={small}>
        Or open this address: <Link href={orderUrl}>{orderUrl}</Link>
      </Text>
      <Text style={small}>Keep this email: anyone with the link can see the order. Create an account with this address to keep your orders together.</Text>
    </EmailLayout>
  );
}

export function SignUpAttemptEmail({ storeName, resetUrl }: { storeName: string; resetUrl: string }) {
  return (
    <EmailLayout storeName={storeName} preview="Someone tried to create an account with your address" heading="You already have an account">
      <Text style={paragraph}>Someone, perhaps you, tried to create a {storeName} account with this email address. It already has an account, so nothing was created.</Text>
      <Text style={paragraph}>If you forgot your password, you can choose a new one:</Text>
      <ActionButton href={resetUrl}>Reset my password</ActionButton>
      <Text style={small}>If it was not you, ignore this email: your account is unchanged.</Text>
    </EmailLayout>
  );
}
