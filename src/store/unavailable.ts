// Which store errors mean "the database cannot be reached, or is locked, right now" rather than
// "this statement or this record is wrong". Workers wait the first kind out without spending the
// job's attempts (see src/queue/store-outage.ts); the second kind fails the job like any error.
import { GleanerError, StoreError, StoreUnavailableError, errorMessage, type ErrorContext } from '../errors.js';

/** Socket errors of a database that is down, restarting or out of reach. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** PostgreSQL SQLSTATEs: class 08 (connection exception), shutting down / starting up, too many connections. */
const PG_UNAVAILABLE_STATE = /^(08[0-9A-Z]{3}|57P01|57P02|57P03|53300)$/;

/** node-postgres's own messages for a lost connection and its connect / read timeouts. */
const PG_UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /query read timeout/i,
  /is not queryable/i,
  /connection timeout/i,
];

/** SQLite: another connection holds the lock longer than busy_timeout. */
const SQLITE_UNAVAILABLE_CODE = /^SQLITE_(BUSY|LOCKED)/;

function isUnavailableCause(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e instanceof StoreUnavailableError) return true;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code === 'E_STORE_UNAVAILABLE' || NETWORK_CODES.has(code) || SQLITE_UNAVAILABLE_CODE.test(code)) return true;
    if (PG_UNAVAILABLE_STATE.test(code)) return true;
  }
  // a GleanerError's own message may quote a cause's text; only raw driver errors are read by message
  return !(e instanceof GleanerError) && PG_UNAVAILABLE_MESSAGES.some((re) => re.test(e.message));
}

/** True when `err` (or one of its causes) says the store is unreachable or locked, not wrong. */
export function isStoreUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e; depth++) {
    if (isUnavailableCause(e)) return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}

/** A driver error as the store reports it: StoreUnavailableError or StoreError, the cause kept. */
export function storeFailure(message: string, context: ErrorContext, cause: unknown): StoreError | StoreUnavailableError {
  if (cause instanceof StoreError || cause instanceof StoreUnavailableError) return cause;
  const text = `${message}: ${errorMessage(cause)}`;
  return isStoreUnavailable(cause) ? new StoreUnavailableError(text, context, cause) : new StoreError(text, context, cause);
}
