// Typed errors that carry context. `code` is stable (logs, job failure reasons, CLI messages);
// `retryable` tells the queue whether another attempt can help.

export type ErrorContext = Record<string, unknown>;

export class GleanerError extends Error {
  readonly code: string;
  readonly context: ErrorContext;
  readonly retryable: boolean;

  constructor(code: string, message: string, opts: { context?: ErrorContext; retryable?: boolean; cause?: unknown } = {}) {
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
    code: string,
    message: string,
    opts: { url: string; status?: number | null; retryable?: boolean; retryAfterMs?: number | null; cause?: unknown; context?: ErrorContext },
  ) {
    super(code, message, { context: { url: opts.url, status: opts.status ?? null, ...opts.context }, retryable: opts.retryable, cause: opts.cause });
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
