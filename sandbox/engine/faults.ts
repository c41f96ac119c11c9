/**
 * Fault injection for tests of the storefront's resilience. A fault matches requests by method
 * and path pattern and applies to the next `count` of them (after letting `skip` through).
 */
import { z } from 'zod';

export const faultSpecSchema = z
  .object({
    method: z.string().toUpperCase().optional(),
    /** Exact path, or a pattern: `*` = one path segment or part of it, `**` = anything, `:id` = one segment. */
    path: z.string().min(1),
    kind: z.enum(['latency', 'error', 'rate_limit', 'hang', 'drop']),
    /** `after`: the handler runs (an order is committed) before the fault strikes. */
    phase: z.enum(['before', 'after']).default('before'),
    ms: z.number().int().min(0).max(600_000).optional(),
    status: z.number().int().min(400).max(599).optional(),
    retryAfter: z.number().int().min(1).max(3600).optional(),
    message: z.string().max(500).optional(),
    count: z.number().int().min(1).optional(),
    skip: z.number().int().min(0).default(0),
  })
  .strict();

export type FaultSpec = z.input<typeof faultSpecSchema>;
type ParsedFault = z.output<typeof faultSpecSchema>;

export interface Fault extends ParsedFault {
  id: number;
  matched: number;
  applied: number;
}

function patternToRegex(pattern: string): RegExp {
  const escaped = pattern
    .split('/')
    .map((segment) =>
      segment.startsWith(':')
        ? '[^/]+'
        : segment
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*/g, '\u0000')
            .replace(/\*/g, '[^/]*')
            .replace(/\u0000/g, '.*'),
    )
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

export class FaultBook {
  private faults: (Fault & { regex: RegExp })[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const parsed = faultSpecSchema.parse(spec);
    const fault = { ...parsed, id: this.nextId++, matched: 0, applied: 0, regex: patternToRegex(parsed.path) };
    this.faults.push(fault);
    return this.view(fault);
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => this.view(f));
  }

  /** Faults striking this request in the given phase; each consumes one of its `count`. */
  take(method: string, path: string, phase: 'before' | 'after'): Fault[] {
    const hits: Fault[] = [];
    for (const fault of this.faults) {
      if (fault.phase !== phase) continue;
      if (fault.method && fault.method !== '*' && fault.method !== method) continue;
      if (!fault.regex.test(path)) continue;
      if (fault.count !== undefined && fault.applied >= fault.count) continue;
      fault.matched++;
      if (fault.matched <= fault.skip) continue;
      fault.applied++;
      hits.push(this.view(fault));
    }
    return hits;
  }

  private view(fault: Fault & { regex?: RegExp }): Fault {
    const { regex: _regex, ...rest } = fault;
    return { ...rest };
  }
}
