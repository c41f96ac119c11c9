// The framework floor (bench/pages.ts): Next.js and React with nothing of ours, built from the
// same installed versions, so Lighthouse on this page shows what the framework alone scores here.
export const metadata = { title: 'Framework floor' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
