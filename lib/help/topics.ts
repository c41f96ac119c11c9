/**
 * The help topics every store has, with the text a new store starts from. Operators replace any
 * of them in the console; `{{store}}` and `{{currency}}` stand for the store's name and currency.
 */
export type HelpTopic = { slug: HelpSlug; title: string; summary: string; body: string };

export const helpSlugs = ['faq', 'esim', 'refunds', 'contact', 'terms', 'privacy'] as const;
export type HelpSlug = (typeof helpSlugs)[number];

export const isHelpSlug = (value: string): value is HelpSlug => (helpSlugs as readonly string[]).includes(value);

export const defaultHelpTopics: Record<HelpSlug, HelpTopic> = {
  faq: {
    slug: 'faq',
    title: 'Frequently asked questions',
    summary: 'Delivery times, where to find your codes, and what happens when an order fails.',
    body: `## How fast is delivery?
Most gift cards and top-ups are delivered within seconds. Some products are confirmed by the
brand and take a few minutes; your order page updates by itself, so you can keep it open or come
back later from **Account → Orders**.

## Where do I find my code?
On your order page. Press **Reveal codes** to show them; every reveal is recorded so nobody else
can quietly copy them from your account.

## My top-up has not arrived in the game
Check the player ID and server on the order page. A top-up the game rejects is refunded
automatically; if the order says **Delivered** and the game still shows nothing after 30 minutes,
contact us with the order number.

## Something went wrong with my order
A failed order is refunded automatically to where you paid from (your {{store}} balance or your
card). The order page says what failed and what to fix before trying again.

## Which currency do I pay in?
Prices are charged in {{currency}}. The confirm step always shows the exact amount before you pay.

## Is my payment safe?
Card payments are taken on the card processor's own page: your card number never reaches our
servers.
`,
  },
  esim: {
    slug: 'esim',
    title: 'eSIM help',
    summary: 'Does my phone support eSIM, and how do I install one?',
    body: `## Does my phone support eSIM?
Your phone needs eSIM support **and** must not be locked to a carrier.

- **Quick check on any phone:** dial \`*#06#\`. If the screen shows an **EID** (a 32-digit number),
  your phone supports eSIM.
- **iPhone (XS, XR and later):** Settings → General → About. Look for **EID** or **Digital SIM**;
  or Settings → Cellular (Mobile Service): an **Add eSIM** option means it is supported.
  Carrier lock: Settings → General → About → **Carrier Lock** should say "No SIM restrictions".
- **Samsung Galaxy (S20 and later, most Z and recent A models):** Settings → Connections → SIM
  manager. If you see **Add eSIM**, it is supported.
- **Google Pixel (3 and later):** Settings → Network & internet → SIMs. Look for
  **Download a SIM instead?**
- **Other Android phones:** Settings → About phone → Status (or SIM status), look for **EID**;
  or Settings → Connections → SIM manager, look for **Add eSIM**.

## Installing on an iPhone
1. Connect to Wi-Fi.
2. Open your order page on another screen and scan the QR code with the Camera app, or press
   **Install on this iPhone** on the order page (iOS 17.4 and later).
3. Follow the steps, then name the line (for example "Travel").
4. Settings → Mobile Data → pick the new line for data, and turn **Data Roaming** on for it when
   you arrive.

## Installing on Android
1. Connect to Wi-Fi.
2. Settings → Connections (or Network & internet) → SIM manager → **Add eSIM** → **Scan QR code**.
3. Scan the QR code from your order page on another screen. No second screen? Choose
   **Enter code manually** and copy the **SM-DP+ address** and **activation code** from the
   order page.
4. Turn **Roaming** on for the new line when you arrive.

## Good to know
- Install the eSIM before you travel; most plans start counting days only when first connected.
- A QR code can usually be installed **once**. Do not delete the eSIM from your phone.
`,
  },
  refunds: {
    slug: 'refunds',
    title: 'Refund policy',
    summary: 'When you are refunded, how, and how long it takes.',
    body: `## Automatic refunds
If the brand or network rejects your order, or only part of a gift-card order can be delivered,
we refund what was not delivered automatically:

- paid from your **{{store}} balance**: back on your balance at once, shown in your statement;
- paid by **card**: back to the same card; your bank usually shows it within 5–10 business days.

## Delivered codes
Digital codes cannot be returned once delivered and revealed, because they can be used
immediately. If a delivered code does not work, contact us with the order number: we check it with
the supplier and replace or refund it when the code is faulty.

## Wrong recipient details
A top-up sent to the player ID or phone number you entered cannot be taken back. Please check the
recipient shown on the confirm step before you pay.
`,
  },
  contact: {
    slug: 'contact',
    title: 'Contact us',
    summary: 'How to reach us about an order.',
    body: `We answer every message, usually within one business day.

- **About an order:** include the order number (for example #1042) shown on your order page.
- **Email:** support@example.com

Please never send us a full card number or a code you have not used yet.
`,
  },
  terms: {
    slug: 'terms',
    title: 'Terms of sale',
    summary: 'The terms that apply when you buy from us.',
    body: `These terms apply to every purchase from {{store}}.

1. **What you buy.** Digital gift cards, game top-ups, mobile recharges and eSIM data plans,
   delivered electronically. Each product is subject to the brand's own terms of use.
2. **Prices.** Prices are in {{currency}} and include our fees. The amount charged is the amount
   shown on the confirm step; it can only be lower than the price listed, never higher.
3. **Delivery.** Codes and plans are delivered to your order page, usually within seconds.
4. **Your details.** You are responsible for the recipient details you enter (player ID, phone
   number). Top-ups sent to the details you entered cannot be reversed.
5. **Refunds.** See our refund policy.
6. **Misuse.** We may refuse or cancel orders that look fraudulent, and refund them.
`,
  },
  privacy: {
    slug: 'privacy',
    title: 'Privacy policy',
    summary: 'What we keep about you and why.',
    body: `## What we keep
- Your email address and name, to run your account and send receipts.
- Your orders, including the recipient details you entered, to deliver them and help when
  something goes wrong.
- A record of sign-ins and code reveals, to protect your account.

## What we do not keep
- Card numbers: payments are taken by our card processor on its own page.

## Who we share it with
Only what a supplier needs to deliver your order (for example the player ID of a top-up), and what
the card processor needs to take a payment. We never sell your data.

## Your choices
You can ask us to export or delete your account data by contacting us.
`,
  },
};
