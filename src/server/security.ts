// The second wall behind escaping: strict response headers, and who may do what (Jupyter's token
// pattern). The server always has a token; writes and the queue dashboard need it (bearer header or
// the cookie set by visiting ?token=…); read-only pages stay open on loopback and need it too on any
// other bind; a Host header the server does not answer to gets 403 (DNS rebinding).
import ipaddr from 'ipaddr.js';
import { networkInterfaces } from 'node:os';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Bytes } from '../text/hash.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, GleanerError, InputError, UnauthorizedError } from '../errors.js';

/**
 * Our pages run no script at all: everything is server-rendered, facets are links, search is a
 * GET form. So the policy forbids scripts outright; an injected <script> or onerror= cannot run.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Bull Board is a React app with its own scripts, inline styles and web fonts. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
  "font-src 'self' https://fonts.gstatic.com data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function securityHeaders(url: string): Record<string, string> {
  const csp = url === '/api' || url.startsWith('/api/') || url === '/healthz' ? API_CSP : isDashboardPath(url) ? DASHBOARD_CSP : PAGE_CSP;
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}

/** Where Bull Board is mounted (bull-board.ts). */
export const DASHBOARD_PATH = '/queues';

export function isDashboardPath(path: string): boolean {
  return path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`);
}

// ---------------------------------------------------------------------------------------------
// The token

/** The query parameter that carries the token once, in the URL `gleaner serve` prints. */
export const TOKEN_PARAM = 'token';

/** 24 random bytes as hex: what `gleaner serve` uses when GLEANER_API_TOKEN is not set. */
export function generateToken(): string {
  return randomBytes(24).toString('hex');
}

/** Constant-time comparison (over digests, so lengths do not leak either). */
export function tokenEquals(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined || candidate === '') return false;
  return timingSafeEqual(sha256Bytes(candidate), sha256Bytes(token));
}

/** Constant-time check of `Authorization: Bearer <token>`. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = header?.match(/^Bearer\s+(.+)$/i);
  return m ? tokenEquals(m[1].trim(), token) : false;
}

/**
 * Cookies are per host, not per port: two servers on 127.0.0.1 would overwrite one cookie. So the
 * name carries the port the browser used (from the Host header, already checked).
 */
export function tokenCookieName(request: FastifyRequest): string {
  const port = parseHost(request.headers.host)?.port ?? 80;
  return `gleaner_token_${port}`;
}

/** How a request proved it holds the token, if it did. */
export function credentialOf(request: FastifyRequest, token: string): 'bearer' | 'cookie' | null {
  if (bearerMatches(request.headers.authorization, token)) return 'bearer';
  if (tokenEquals(request.cookies?.[tokenCookieName(request)], token)) return 'cookie';
  return null;
}

const UNAUTHORIZED_MESSAGE =
  "this needs the server's token: open the URL `gleaner serve` printed at start (http://…/?token=…), " +
  'or send "Authorization: Bearer <token>" (GLEANER_API_TOKEN when it is set)';

/**
 * A cookie goes with every request from the same *site*, and another port on the same host is the
 * same site: a page on http://127.0.0.1:3000 could make the browser POST here with our cookie. A
 * cookie-borne write must come from our own origin (browsers send Origin on every non-GET request).
 */
function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  const fetchSite = request.headers['sec-fetch-site'];
  const ours = origin !== undefined && sameOrigin(origin, request.headers.host);
  if ((origin !== undefined && !ours) || (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none')) {
    throw new ForbiddenError(
      'E_FORBIDDEN',
      `a write carrying the token cookie must come from this server's own pages (Origin ${origin ?? 'absent'})`,
    );
  }
}

/** Origin `http://localhost` is Host `localhost:80`: compare them as URLs (default ports dropped). */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    const o = new URL(origin);
    return (o.protocol === 'http:' || o.protocol === 'https:') && o.host === new URL(`${o.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/**
 * The one token check, for hooks and routes alike: throws 401 unless the request carries the token
 * (bearer header, or the cookie from the same origin when it writes).
 */
export function assertToken(request: FastifyRequest, token: string): void {
  const credential = credentialOf(request, token);
  if (!credential) throw new UnauthorizedError(UNAUTHORIZED_MESSAGE);
  if (credential === 'cookie' && !isSafeMethod(request.method)) assertSameOrigin(request);
}

/** A preHandler for one route that needs the token whatever the global rules say. */
export function requireToken(token: string) {
  return async (request: FastifyRequest) => assertToken(request, token);
}

function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

// ---------------------------------------------------------------------------------------------
// Host names

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);

/** localhost, 127.0.0.0/8, ::1 (and IPv4-mapped loopback), by ipaddr.js's range table. */
export function isLoopback(name: string): boolean {
  const host = name
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost') return true;
  // Dotted-quad only: no 0x7f.1 or 127.1 (browsers never send those; a name that looks like one is a name).
  const literal = ipaddr.IPv4.isValidFourPartDecimal(host) || ipaddr.IPv6.isValid(host);
  return literal && ipaddr.process(host).range() === 'loopback';
}

/** A Host header (or an allow-list entry) as a lower-case name without brackets or trailing dot. */
export function parseHost(value: string | undefined): { name: string; port: number | null } | null {
  const m = value?.trim().match(/^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/i);
  if (!m) return null;
  const name = m[1]
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return name ? { name, port: m[2] === undefined ? null : Number(m[2]) } : null;
}

/** The names a wildcard bind (0.0.0.0, ::) is reached by: the machine's own addresses. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address.toLowerCase()));
}

// ---------------------------------------------------------------------------------------------
// The policy and the hook that applies it

export interface AccessOptions {
  /** The token (configured, or made at start). */
  token: string;
  /** The address the server binds (GLEANER_HOST / --host); loopback when absent. */
  bindHost?: string;
  /** GLEANER_ALLOWED_HOSTS: `name` (any port) or `name:port`. */
  allowedHosts?: string[];
}

export interface AccessPolicy {
  token: string;
  /** Non-loopback bind: the read-only pages and GET APIs need the token too. */
  protectReads: boolean;
  hostAllowed(host: string | undefined): boolean;
}

/** Paths open to anyone on a non-loopback bind: the health probe and the stylesheet of error pages. */
const ALWAYS_OPEN = [/^\/healthz$/, /^\/assets\//];

export function accessPolicy(opts: AccessOptions): AccessPolicy {
  const bind = (opts.bindHost ?? '127.0.0.1').toLowerCase().replace(/^\[|\]$/g, '');
  const names = new Set<string>();
  const pinned = new Set<string>();
  if (WILDCARD_BINDS.has(bind)) for (const a of interfaceAddresses()) names.add(a);
  else names.add(bind);
  for (const entry of opts.allowedHosts ?? []) {
    const parsed = parseHost(entry);
    if (!parsed) throw new InputError(`GLEANER_ALLOWED_HOSTS: '${entry}' is not a host name or host:port`);
    if (parsed.port === null) names.add(parsed.name);
    else pinned.add(`${parsed.name}:${parsed.port}`);
  }
  return {
    token: opts.token,
    protectReads: !isLoopback(bind),
    hostAllowed(host) {
      const parsed = parseHost(host);
      if (!parsed) return false;
      return isLoopback(parsed.name) || names.has(parsed.name) || (parsed.port !== null && pinned.has(`${parsed.name}:${parsed.port}`));
    },
  };
}

/** The address `gleaner serve` is asked to bind is only allowed off loopback with a configured token. */
export function assertSafeBind(bindHost: string, configuredToken: string | null | undefined): void {
  if (!isLoopback(bindHost) && !configuredToken) {
    throw new InputError(
      `serve: binding ${bindHost} (not loopback) needs GLEANER_API_TOKEN; set a long random one (openssl rand -hex 24) or bind 127.0.0.1`,
    );
  }
}

/** The route pattern a request matched (so /%71ueues cannot slip past a prefix test), else its path. */
function routePath(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url.split('?')[0];
}

/** Where ?token= redirects to: the same path and query without the token, never off-site. */
function withoutTokenParam(rawUrl: string): string | null {
  const url = new URL(rawUrl, 'http://placeholder');
  if (!url.searchParams.has(TOKEN_PARAM)) return null;
  url.searchParams.delete(TOKEN_PARAM);
  return `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`;
}

/** Sends the refusal (JSON or an HTML page, as the app answers errors). */
export type Refuse = (request: FastifyRequest, reply: FastifyReply, err: GleanerError) => FastifyReply;

/**
 * Registers the cookie parser and one onRequest hook that applies the policy to every route,
 * including ones added later (entity pages, correction endpoints, Bull Board's API). Refusals are
 * sent from the hook itself: a plugin's own error handler (Bull Board has one) would turn a
 * thrown error into a 500.
 */
export async function installAccessControl(app: FastifyInstance, policy: AccessPolicy, refuse: Refuse): Promise<void> {
  const { default: fastifyCookie } = await import('@fastify/cookie');
  await app.register(fastifyCookie);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return check(request, reply);
    } catch (err) {
      if (err instanceof GleanerError) return refuse(request, reply, err);
      throw err;
    }
  });

  function check(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
    if (!policy.hostAllowed(request.headers.host)) {
      throw new ForbiddenError(
        'E_FORBIDDEN_HOST',
        `this server does not answer to Host '${request.headers.host ?? ''}': use localhost, 127.0.0.1 or [::1], the bind address, or add the name to GLEANER_ALLOWED_HOSTS`,
      );
    }
    const safe = isSafeMethod(request.method);
    if (safe) {
      const clean = withoutTokenParam(request.url);
      if (clean !== null) {
        const offered = new URL(request.url, 'http://placeholder').searchParams.get(TOKEN_PARAM) ?? undefined;
        if (!tokenEquals(offered, policy.token))
          throw new UnauthorizedError(`the token in the URL is not this server's; ${UNAUTHORIZED_MESSAGE}`);
        reply.setCookie(tokenCookieName(request), policy.token, { httpOnly: true, sameSite: 'strict', path: '/' });
        return reply.redirect(clean, 302);
      }
    }
    const path = routePath(request);
    const needsToken = !safe || isDashboardPath(path) || (policy.protectReads && !ALWAYS_OPEN.some((re) => re.test(path)));
    if (needsToken) assertToken(request, policy.token);
    return undefined;
  }
}
