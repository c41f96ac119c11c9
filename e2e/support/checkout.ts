import { expect, type Page } from '@playwright/test';

const ORDER_PAGE = /\/orders\/[0-9a-f-]{36}$/;

/**
 * The product page's checkout form as a customer uses it: open a product, pick an option by its
 * label, fill the recipient, review, pay. One place for the steps every buying spec repeats.
 */
export class CheckoutPage {
  constructor(readonly page: Page) {}

  /** A product from a section's listing, e.g. open('/games', /PUBG Mobile UC/). */
  async open(section: string, product: RegExp) {
    await this.page.goto(section);
    await this.page.getByRole('link', { name: product }).first().click();
  }

  /** Picks an option card the way a person does: by tapping its label. */
  async chooseOption(name: RegExp) {
    const radio = this.page.getByRole('radio', { name }).first();
    await this.page.locator('label').filter({ has: radio }).click();
    await expect(radio).toBeChecked();
  }

  async fillPlayerId(playerId: string) {
    await this.page.getByLabel('Player ID').fill(playerId);
  }

  /** Presses Review order and returns the price the review shows. */
  async review(): Promise<string> {
    await this.page.getByRole('button', { name: 'Review order' }).click();
    return (await this.page.getByTestId('review-price').textContent())!;
  }

  /** Pays the reviewed price and waits for the order page; returns its URL. */
  async pay(price: string): Promise<string> {
    await this.page.getByRole('button', { name: `Pay ${price}` }).click();
    await expect(this.page).toHaveURL(ORDER_PAGE);
    return this.page.url();
  }

  /** Review then pay; returns the price paid. */
  async reviewAndPay(): Promise<string> {
    const price = await this.review();
    await this.pay(price);
    return price;
  }

  /** A customer buys 325 PUBG UC for a player ID; returns the order page URL. */
  async buyPubg(playerId: string, option = /^325 UC/): Promise<string> {
    await this.open('/games', /PUBG Mobile UC/);
    await this.chooseOption(option);
    await this.fillPlayerId(playerId);
    return this.pay(await this.review());
  }
}
