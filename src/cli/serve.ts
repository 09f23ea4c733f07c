// gleaner serve [--port N] [--host H] [--no-queue]
// The HTTP API, the review page and (with Redis) the Bull Board queue dashboard, until SIGINT/SIGTERM.
// Redis is optional here: without it the review page and the read API work, and the queue
// endpoints answer 503 with a clear message.
import type { AddressInfo } from 'node:net';
import { GleanerError, InputError, errorMessage } from '../errors.js';
import { createLogger } from '../log.js';
import { assertSafeBind, generateToken, TOKEN_PARAM } from '../server/security.js';
import type { QueueProducer } from '../server/types.js';
import { type CliContext, parseCommandArgs } from './context.js';

const HELP = `Usage: gleaner serve [options]

Serves the review page (/), the JSON API (/api/records, /api/records/:id, /api/entities,
/api/schema, POST /api/enqueue, POST /api/feeds), /healthz and, when Redis is reachable, the
Bull Board queue dashboard (/queues). Runs until SIGINT or SIGTERM.

Options:
  --port N        port to listen on (default GLEANER_PORT or 8080; 0 picks a free one)
  --host H        address to bind (default GLEANER_HOST or 127.0.0.1)
  --no-queue      do not connect to Redis: no dashboard, queue endpoints answer 503
  -h, --help      this help

Access (the server always has a token):
  GLEANER_API_TOKEN is the token; without it a random one is made at start and the URL
  printed holds it (http://127.0.0.1:8080/?token=…): open that once, the browser keeps
  it in a cookie. Every write (POST) and the dashboard (/queues) need the token, as that
  cookie or "Authorization: Bearer <token>"; the read-only pages and GET API are open on
  loopback. A Host header other than loopback, the bind address or GLEANER_ALLOWED_HOSTS
  gets 403. Binding a non-loopback address (--host 0.0.0.0) needs GLEANER_API_TOKEN, and
  then every page but /healthz needs the token.
`;

/** How long shutdown waits for in-flight requests and connections before giving up. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InputError(`serve: --port must be a whole number from 0 to 65535, not '${value}'`);
  return n;
}

export function displayUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const shown = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  return `http://${shown}:${address.port}/`;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(
    ctx,
    'serve',
    HELP,
    argv,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      'no-queue': { type: 'boolean', default: false },
    },
    { allowPositionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const config = ctx.config;
  const port = parsePort(parsed.values.port, config.port);
  const host = parsed.values.host ?? config.host;
  // Before anything is opened: a non-loopback bind without a configured token is refused (exit 2).
  assertSafeBind(host, config.apiToken);
  const token = config.apiToken || generateToken();

  const logger = createLogger(config.logLevel);
  const { openStore, storeOptions } = await import('../store/open.js');
  const { buildApp } = await import('../server/app.js');
  const store = await openStore(storeOptions(config));

  let producer: (QueueProducer & { close(): Promise<void> }) | null = null;
  if (!parsed.values['no-queue']) {
    const { createProducer } = await import('../queue/producer.js');
    try {
      producer = await createProducer(config, { store, connectTimeoutMs: 2_000 });
    } catch (err) {
      if (!(err instanceof GleanerError && err.code === 'E_UNAVAILABLE')) {
        await store.close();
        throw err;
      }
      logger.warn(`${err.message}: serving without the queue (no /queues dashboard; POST /api/enqueue and /api/feeds answer 503)`);
    }
  }

  const app = await buildApp({ store, producer, config: { ...config, host, apiToken: token }, logger });
  try {
    await app.listen({ port, host });
  } catch (err) {
    await app.close();
    await producer?.close();
    await store.close();
    throw new InputError(`serve: cannot listen on ${host}:${port}: ${errorMessage(err)}`);
  }
  const url = displayUrl(app.server.address() as AddressInfo);
  // A made-up token is printed in the URL to open (as Jupyter does); a configured one is the
  // operator's secret and stays out of the output.
  const open = config.apiToken ? `${url} (open it once as ${url}?${TOKEN_PARAM}=<GLEANER_API_TOKEN>)` : `${url}?${TOKEN_PARAM}=${token}`;
  ctx.stdout.write(
    `gleaner: serving ${open} (review page /, API /api/records${producer ? ', queue dashboard /queues' : ''}); Ctrl-C stops\n`,
  );

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (sig: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(sig);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  logger.info({ signal }, 'shutting down');

  // Stop accepting connections, let in-flight requests finish, then close Redis and the store;
  // never wait for ever (a keep-alive client must not hold the process open).
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), SHUTDOWN_TIMEOUT_MS);
    timer.unref();
  });
  const closing = (async () => {
    await app.close();
    await producer?.close();
    await store.close();
    return 'closed' as const;
  })();
  const outcome = await Promise.race([closing, timedOut]).catch((err) => {
    logger.error({ err: errorMessage(err) }, 'error during shutdown');
    return 'error' as const;
  });
  clearTimeout(timer);
  if (outcome === 'timeout') {
    logger.warn(`shutdown took longer than ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting anyway`);
    app.server.closeAllConnections?.();
  }
  return outcome === 'closed' ? 0 : 1;
}
