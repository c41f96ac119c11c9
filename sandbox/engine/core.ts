/** The sandbox's engine: configuration, clock, state and the services every route shares. */
import { Clock, Scheduler } from '../lib/clock';
import { randomSeed, Rng } from '../lib/ids';
import type { RateClass, SandboxOptions } from './config';
import { DEFAULT_RATE_LIMITS } from './config';
import { generateCatalogue } from '../catalogue/generated';
import { SandboxCatalogue } from './catalogue';
import { hasProductArt, productArtPng } from './images';
import { FaultBook } from './faults';
import { RateLimiter } from './ratelimit';
import { RequestLog } from './requestlog';
import { State } from './state';
import { TokenStore } from './tokens';
import { transactionJson } from './state';
import { WebhookBook } from './webhooks';
import { num } from './money';

export class SandboxCore {
  config: SandboxOptions;
  readonly clock = new Clock();
  readonly scheduler = new Scheduler(this.clock);
  readonly tokens = new TokenStore();
  readonly limiter = new RateLimiter();
  readonly faults = new FaultBook();
  readonly log = new RequestLog();
  readonly catalogue: SandboxCatalogue;
  /** Where this sandbox answers (set once listening): the base of the product art URLs. */
  publicUrl = '';
  rng: Rng;
  state: State;
  readonly webhooks: WebhookBook;
  private readonly seed: string;
  private readonly sleeps = new Set<() => void>();

  constructor(private readonly initial: SandboxOptions) {
    this.config = structuredClone(initial);
    this.seed = initial.seed ?? randomSeed();
    this.rng = new Rng(this.seed);
    this.state = new State(initial.walletBalances);
    this.webhooks = new WebhookBook(this, this.seed);
    this.wireLedger();
    this.catalogue = new SandboxCatalogue(
      initial.generatedProducts > 0 ? generateCatalogue(initial.generatedProducts, initial.generatedVariantsPerProduct) : undefined,
    );
  }

  now(): number {
    return this.clock.now();
  }

  /** A documented delay, scaled by the time scale. */
  delay(ms: number): number {
    return ms * this.config.timeScale;
  }

  setTimeScale(timeScale: number): void {
    if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new Error('timeScale must be a positive number');
    this.scheduler.rescale(timeScale / this.config.timeScale);
    this.config.timeScale = timeScale;
  }

  rateLimit(rateClass: RateClass): number | undefined {
    if (this.config.rateLimits === false) return undefined;
    return this.config.rateLimits[rateClass] ?? DEFAULT_RATE_LIMITS[rateClass];
  }

  /** Real-time wait used by latency faults; cut short when the sandbox closes. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleeps.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleeps.add(done);
    });
  }

  /** eSIM create requests still waiting for their deadline answer now (with the order as it stands). */
  private releaseWaiters(): void {
    for (const order of this.state.esims.values()) for (const wake of order.waiters.splice(0)) wake();
  }

  /** Back to the seeded world: orders, ledger, faults, logs, limits, clock and options. Tokens stay valid. */
  reset(): void {
    this.releaseWaiters();
    this.scheduler.clear();
    this.clock.resetOffset();
    this.config = structuredClone(this.initial);
    this.rng = new Rng(this.seed);
    this.state = new State(this.initial.walletBalances);
    this.webhooks.reset();
    this.wireLedger();
    this.catalogue.reset();
    this.faults.clear();
    this.log.clear();
    this.limiter.clear();
  }

  /** Every credit and debit fires wallet.credited / wallet.debited (payload: our decision, see README). */
  private wireLedger(): void {
    this.state.ledger.onPost = (txn, wallet) => {
      this.webhooks.emit(txn.type === 'CREDIT' ? 'wallet.credited' : 'wallet.debited', {
        ...transactionJson(txn),
        currency: wallet.currency,
        balance: num(wallet.balance),
      });
    };
  }

  shutdown(): void {
    this.webhooks.abortAll();
    this.releaseWaiters();
    this.scheduler.clear();
    for (const wake of [...this.sleeps]) wake();
  }

  /** The catalogue's `image_url` of a product: its own, else this sandbox's art for it (or empty). */
  imageUrlOf(vertical: 'voucher' | 'topup' | 'esim', product: { id: number; image_url: string; scenario?: boolean }): string {
    if (product.image_url || !this.publicUrl || !hasProductArt(vertical, product)) return product.image_url;
    return `${this.publicUrl}/images/${vertical}/${product.id}.png`;
  }

  /** The PNG at an art path; null for an art path of no product; undefined for any other path. */
  productArt(path: string): Buffer | null | undefined {
    const match = /^\/images\/(voucher|topup)\/(\d{1,10})\.png$/.exec(path);
    if (!match) return path.startsWith('/images/') ? null : undefined;
    const vertical = match[1] as 'voucher' | 'topup';
    const id = Number(match[2]);
    const list: { id: number; name: string; scenario?: boolean }[] = vertical === 'voucher' ? this.catalogue.vouchers : this.catalogue.topups;
    const product = list.find((candidate) => candidate.id === id);
    return product && hasProductArt(vertical, product) ? productArtPng(product.name) : null;
  }
}
