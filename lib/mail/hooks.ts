import 'server-only';
import type { Transaction } from '@/db';
import type { User } from '@/db/schema';
import { attachGuestOrders } from '@/lib/orders/guest';

/**
 * Called inside the transaction that marks `user`'s email address verified (lib/mail/account-tokens.ts),
 * after the address is recorded as verified. Guest orders join here: the card-payment work
 * (issue 16) attaches guest orders placed with this address to the account, in this same
 * transaction, so an order joins an account only through a verified address.
 */
export async function onEmailVerified(tx: Transaction, user: Pick<User, 'id' | 'email'>): Promise<void> {
  await attachGuestOrders(tx, { ...user, emailVerified: new Date() });
}
