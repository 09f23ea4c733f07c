// Typed errors that carry context. `code` is stable (logs, job failure reasons, CLI messages) and one
// of ERROR_CODES; `retryable` tells the queue whether another attempt can help.

/**
 * Every `E_…` code gleaner emits, with what it means (the one list, like BullMQ's error-code enum).
 * A code is part of the interface: logs, job failure reasons, the API's `error.code` and CLI lines
 * carry it, so a code is added here, never renamed.
 */
export const ERROR_CODES = {
  // Input and configuration
  E_INPUT: 'bad input from a user: unreadable file, bad flag, unparsable date',
  E_CONFIG: 'an environment variable has a value gleaner cannot use',
  E_URL: 'not a URL, or a scheme other than http(s)',
  // Fetching
  E_ROBOTS: 'robots.txt disallows the URL',
  E_ROBOTS_UNAVAILABLE: 'robots.txt could not be read (5xx, timeout): the host is held back for a while',
  E_BLOCKED_ADDRESS: 'the URL resolves to a private, loopback or link-local address',
  E_DNS: 'the host name does not resolve',
  E_CONNECTION_REFUSED: 'the host refused the connection',
  E_CONNECTION_RESET: 'the connection was reset',
  E_UNREACHABLE: 'no route to the host',
  E_NETWORK: 'another network failure, or a body cut short',
  E_TIMEOUT: 'the response (or its body) took longer than the limit',
  E_ABORTED: 'the fetch was aborted (shutdown)',
  E_REDIRECTS: 'too many redirects, or a redirect loop',
  E_HEADER_OVERFLOW: 'the response headers are larger than Node accepts',
  E_HTTP: 'an HTTP error status',
  E_CONTENT_TYPE: 'a content type that is not a page or a feed',
  E_TOO_LARGE: 'the body is larger than the byte limit',
  E_FETCH: 'a fetch failed without a more precise code (CLI preview)',
  // Content
  E_BINARY: 'binary content (image, PDF, archive), not text or HTML',
  E_NOT_ARTICLE: 'no article in the page (a feed, an empty body)',
  E_FEED: 'the feed cannot be parsed',
  // Services
  E_STORE: 'the database failed (retried)',
  E_STORE_UNAVAILABLE: 'the database is not reachable: the job waits the outage out (GLEANER_STORE_OUTAGE_MAX_MS)',
  E_UNAVAILABLE: 'Redis or another service is not reachable',
  // The HTTP API
  E_UNAUTHORIZED: 'a request without the token',
  E_FORBIDDEN: 'a cookie-borne write from another origin',
  E_FORBIDDEN_HOST: 'a Host header the server does not answer to (DNS rebinding)',
  E_NOT_FOUND: 'no such record, entity or route',
  E_REQUEST: 'a request the server cannot parse',
  E_INTERNAL: 'a bug: the server log or stderr has the stack',
  // Job failure classes (queue metrics) for failures that carry no code
  E_STALLED: 'a job whose worker stopped renewing its lock too often',
  E_OTHER: 'a job failure with no code',
} as const satisfies Record<`E_${string}`, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorContext = Record<string, unknown>;

export class GleanerError extends Error {
  readonly code: ErrorCode;
  readonly context: ErrorContext;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, opts: { context?: ErrorContext; retryable?: boolean; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.context = opts.context ?? {};
    this.retryable = opts.retryable ?? false;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, context: this.context, retryable: this.retryable };
  }
}

/** Bad input from a user: unreadable file, bad flag, unparsable date. */
export class InputError extends GleanerError {
  constructor(message: string, context: ErrorContext = {}, cause?: unknown) {
    super('E_INPUT', message, { context, cause });
  }
}

export class ConfigError extends GleanerError {
  constructor(message: string, context: ErrorContext = {}) {
    super('E_CONFIG', message, { context });
  }
}

/** A fetch that failed. `retryable` is true for timeouts, 5xx, 429 and network errors. */
export class FetchError extends GleanerError {
  readonly status: number | null;
  /** Milliseconds the server asked us to wait (Retry-After), when it did. */
  readonly retryAfterMs: number | null;
  constructor(
    code: ErrorCode,
    message: string,
    opts: {
      url: string;
      status?: number | null;
      retryable?: boolean;
      retryAfterMs?: number | null;
      cause?: unknown;
      context?: ErrorContext;
    },
  ) {
    super(code, message, {
      context: { url: opts.url, status: opts.status ?? null, ...opts.context },
      retryable: opts.retryable,
      cause: opts.cause,
    });
    this.status = opts.status ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
  }
}

/** robots.txt forbids the URL; never retried. */
export class RobotsDisallowedError extends GleanerError {
  constructor(url: string, context: ErrorContext = {}) {
    super('E_ROBOTS', `robots.txt disallows ${url}`, { context: { url, ...context } });
  }
}

/** The URL resolves to a private, loopback or link-local address and that is not allowed. */
export class BlockedAddressError extends GleanerError {
  /** `range` is the address's class (ipaddr.js range name, e.g. "loopback", "ipv4Mapped→private"). */
  constructor(url: string, address: string, range: string | null = null) {
    super(
      'E_BLOCKED_ADDRESS',
      `refusing ${url}: ${address} is not a public address${range ? ` (${range})` : ''}; set GLEANER_ALLOW_PRIVATE=1 to allow private and loopback addresses`,
      { context: { url, address, range } },
    );
  }
}

export class TooLargeError extends GleanerError {
  constructor(what: string, limit: number, context: ErrorContext = {}) {
    super('E_TOO_LARGE', `${what} is larger than the limit of ${limit} bytes`, { context: { limit, ...context } });
  }
}

/** The input is binary (an image, a PDF, an archive, random bytes), not text or HTML; never retried. */
export class BinaryContentError extends GleanerError {
  constructor(what: string, reason: string, context: ErrorContext = {}) {
    super('E_BINARY', `${what} is binary content (${reason}), not text or HTML`, { context: { reason, ...context } });
  }
}

/** The content is not something we turn into a record (a feed parsed as a page, an image, no body). */
export class NotArticleError extends GleanerError {
  constructor(message: string, context: ErrorContext = {}) {
    super('E_NOT_ARTICLE', message, { context });
  }
}

export class FeedParseError extends GleanerError {
  constructor(message: string, context: ErrorContext = {}) {
    super('E_FEED', message, { context });
  }
}

export class StoreError extends GleanerError {
  constructor(message: string, context: ErrorContext = {}, cause?: unknown) {
    super('E_STORE', message, { context, cause, retryable: true });
  }
}

/**
 * The store cannot be reached or is locked right now (connection refused or lost, a connect or
 * read timeout, SQLite busy). Workers wait it out without spending the job's attempts.
 */
export class StoreUnavailableError extends GleanerError {
  constructor(message: string, context: ErrorContext = {}, cause?: unknown) {
    super('E_STORE_UNAVAILABLE', message, { context, cause, retryable: true });
  }
}

/** Redis (or another service) is unreachable; producers fail fast with this. */
export class ServiceUnavailableError extends GleanerError {
  constructor(service: string, target: string, cause?: unknown) {
    super('E_UNAVAILABLE', `${service} is not reachable at ${target}`, { context: { service, target }, cause, retryable: true });
  }
}

/** A request to `gleaner serve` without its token (401). */
export class UnauthorizedError extends GleanerError {
  constructor(message: string, context: ErrorContext = {}) {
    super('E_UNAUTHORIZED', message, { context });
  }
}

/**
 * A request `gleaner serve` refuses whoever sends it (403): a Host header it does not answer to
 * (E_FORBIDDEN_HOST, DNS rebinding) or a cookie-borne write from another origin (E_FORBIDDEN).
 */
export class ForbiddenError extends GleanerError {
  constructor(code: 'E_FORBIDDEN' | 'E_FORBIDDEN_HOST', message: string, context: ErrorContext = {}) {
    super(code, message, { context });
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
