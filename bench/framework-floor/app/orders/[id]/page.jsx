// Where Pay redirects: rendered per request, as the store's order page is.
export default async function OrderPage({ params }) {
  const { id } = await params;
  return (
    <main>
      <h1>Order {id}</h1>
      <p>Delivered.</p>
    </main>
  );
}
