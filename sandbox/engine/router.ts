import type { Reply } from '../lib/http';
import type { RateClass } from './config';

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** The authenticated client (0 on unauthenticated routes). */
  clientId: number;
  requestId: string;
  remoteAddress: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  pattern: string;
  rate: RateClass;
  auth: boolean;
  /** 401 message when the Authorization header is missing (the eSIM order pages use their own). */
  missingAuthMessage?: string;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  keys: string[];
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: Route[]): void {
    for (const route of routes) {
      const keys: string[] = [];
      const source = route.pattern
        .split('/')
        .map((segment) => {
          if (segment.startsWith(':')) {
            keys.push(segment.slice(1));
            return '([^/]+)';
          }
          return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('/');
      this.routes.push({ ...route, regex: new RegExp(`^${source}$`), keys });
    }
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        params[key] = safeDecode(m[i + 1] ?? '');
      });
      return { route, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
