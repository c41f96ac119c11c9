// A heading and a paragraph, rendered per request like the store's pages: no client component,
// no CSS, no font.
export const dynamic = 'force-dynamic';

export default function FloorPage() {
  return (
    <main>
      <h1>Top up, gift and travel. Delivered in seconds.</h1>
      <p>Gift cards, game top-ups, mobile recharges and travel eSIMs.</p>
    </main>
  );
}
