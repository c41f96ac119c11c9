import 'server-only';
import { customerScope, getCurrentUser } from '@/lib/auth/guards';
import { balanceOf, getCustomerBalance, listCustomerStatement } from '@/lib/ledger';
import { listOrderProducts, listOrdersByUser } from '@/lib/orders/queries';
import { listSavedRecipients } from '@/lib/recipients';
import { getStoreInfo } from '@/lib/store';

/** The account page of the signed-in customer: only their own balance, orders and recipients. */
export async function loadMyAccount() {
  const { user, db } = await customerScope('/account');
  const { currency } = await getStoreInfo();
  const [balance, statement, recipients, orders] = await Promise.all([
    getCustomerBalance(db, user.id, currency),
    listCustomerStatement(db, user.id, currency, { limit: 50 }),
    listSavedRecipients(db, user.id),
    listOrdersByUser(db, user.id, { limit: 20 }),
  ]);
  const orderProducts = await listOrderProducts(
    db,
    orders.map((order) => order.productId),
  );
  return { user, currency, balance, statement, recipients, orders, orderProducts };
}

/** What the header shows a signed-in visitor (role and balance); undefined for a stranger. */
export async function loadHeaderAccount() {
  const user = await getCurrentUser();
  if (!user) return undefined;
  const { currency } = await getStoreInfo();
  return { role: user.role, currency, balance: await balanceOf(user.id, currency) };
}
