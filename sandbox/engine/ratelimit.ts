/** Rolling-window rate limits per client and endpoint class, as the rate-limits page describes. */

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  /** Records a hit and returns undefined, or the Retry-After seconds when over the limit. */
  hit(key: string, limit: number, windowMs: number, now: number): number | undefined {
    const since = now - windowMs;
    const log = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (log.length >= limit) {
      this.hits.set(key, log);
      const oldest = log[0] ?? now;
      return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    }
    log.push(now);
    this.hits.set(key, log);
    return undefined;
  }

  clear(): void {
    this.hits.clear();
  }
}
