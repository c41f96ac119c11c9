/**
 * JWT-shaped access and refresh tokens (HS256). Each token is also recorded server-side so that
 * refresh rotation (one use), logout (revoke all) and forced expiry can be enforced.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

interface TokenRecord {
  kind: 'access' | 'refresh';
  clientId: number;
  expiresAt: number;
  revoked: boolean;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  access_expires_at: number;
  refresh_expires_at: number;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export class TokenStore {
  private readonly secret = randomBytes(32);
  private readonly records = new Map<string, TokenRecord>();

  issue(clientId: number, now: number, accessTtlMs: number, refreshTtlMs: number): TokenPair {
    const accessExpires = now + accessTtlMs;
    const refreshExpires = now + refreshTtlMs;
    return {
      access_token: this.sign('access', clientId, now, accessExpires),
      refresh_token: this.sign('refresh', clientId, now, refreshExpires),
      access_expires_at: accessExpires,
      refresh_expires_at: refreshExpires,
    };
  }

  /** The client id of a live token of the given kind, or undefined. */
  verify(token: string, kind: TokenRecord['kind'], now: number): number | undefined {
    const jti = this.jtiOf(token);
    if (!jti) return undefined;
    const record = this.records.get(jti);
    if (!record || record.kind !== kind || record.revoked || record.expiresAt <= now) return undefined;
    return record.clientId;
  }

  /** One-time use: the refresh token is revoked as it is exchanged. */
  consumeRefresh(token: string, now: number): number | undefined {
    const clientId = this.verify(token, 'refresh', now);
    if (clientId === undefined) return undefined;
    const jti = this.jtiOf(token);
    const record = jti ? this.records.get(jti) : undefined;
    if (record) record.revoked = true;
    return clientId;
  }

  revokeAll(clientId: number): void {
    for (const record of this.records.values()) if (record.clientId === clientId) record.revoked = true;
  }

  /** Control API: every token issued so far stops working, as if its lifetime had elapsed. */
  expireAll(now: number, kinds: TokenRecord['kind'][] = ['access', 'refresh']): number {
    let count = 0;
    for (const record of this.records.values()) {
      if (kinds.includes(record.kind) && record.expiresAt > now) {
        record.expiresAt = now;
        count++;
      }
    }
    return count;
  }

  private sign(kind: TokenRecord['kind'], clientId: number, now: number, expiresAt: number): string {
    const jti = randomUUID();
    this.records.set(jti, { kind, clientId, expiresAt, revoked: false });
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(
      JSON.stringify({
        sub: String(clientId),
        client_id: clientId,
        token_type: kind,
        jti,
        iat: Math.floor(now / 1000),
        exp: Math.floor(expiresAt / 1000),
      }),
    );
    const signature = b64url(createHmac('sha256', this.secret).update(`${header}.${payload}`).digest());
    return `${header}.${payload}.${signature}`;
  }

  private jtiOf(token: string): string | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = createHmac('sha256', this.secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { jti?: unknown };
      return typeof claims.jti === 'string' ? claims.jti : undefined;
    } catch {
      return undefined;
    }
  }
}
