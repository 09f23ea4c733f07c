// The second wall behind escaping: strict response headers, and the bearer token on write endpoints.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

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
  const csp = url === '/api' || url.startsWith('/api/') || url === '/healthz' ? API_CSP : url === '/queues' || url.startsWith('/queues/') ? DASHBOARD_CSP : PAGE_CSP;
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time check of `Authorization: Bearer <token>`. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = header?.match(/^Bearer\s+(.+)$/i);
  if (!m) return false;
  return timingSafeEqual(digest(m[1].trim()), digest(token));
}

/** A preHandler that answers 401 unless the request carries the token; a no-op without a token. */
export function requireToken(token: string | null | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!token) return;
    if (bearerMatches(request.headers.authorization, token)) return;
    reply.header('www-authenticate', 'Bearer realm="gleaner"');
    return reply.code(401).send({
      error: { code: 'E_UNAUTHORIZED', message: 'this endpoint needs "Authorization: Bearer <GLEANER_API_TOKEN>"' },
    });
  };
}
