/** Every API request the sandbox received, so tests can count supplier calls per endpoint. */

export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** The matched route pattern, e.g. `/api/v1/topups/orders/:id`; null when no route matched. */
  route: string | null;
  status: number | null;
  outcome: 'answered' | 'dropped' | 'hung';
  requestId: string;
  clientReference?: string;
  durationMs: number | null;
}

const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  private counts = new Map<string, number>();

  start(entry: Omit<LoggedRequest, 'seq' | 'status' | 'outcome' | 'durationMs' | 'route'>): LoggedRequest {
    const logged: LoggedRequest = { ...entry, seq: ++this.seq, route: null, status: null, outcome: 'answered', durationMs: null };
    this.entries.push(logged);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    return logged;
  }

  /** Counted once the route is known, keyed `METHOD /route/pattern`. */
  count(entry: LoggedRequest): void {
    const key = `${entry.method} ${entry.route ?? entry.path}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  list(filter: { method?: string; path?: string; route?: string } = {}): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (!filter.method || e.method === filter.method.toUpperCase()) &&
        (!filter.path || e.path === filter.path) &&
        (!filter.route || e.route === filter.route),
    );
  }

  counters(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  clear(): void {
    this.entries = [];
    this.counts.clear();
  }
}
