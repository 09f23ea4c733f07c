// gleaner worker [--concurrency N] [--process-concurrency N] [--queues feeds,fetch,process]
// Runs the queue workers until SIGTERM/SIGINT, then closes them with a timeout of its own.
// Redis being down is not fatal here: the workers log it and keep retrying.
import { InputError } from '../errors.js';
import { createLogger } from '../log.js';
import { ALL_QUEUES, type QueueName } from '../queue/queues.js';
import { metricsText } from '../metrics/registry.js';
import { startMetricsServer } from '../metrics/server.js';
import { startTracing } from '../metrics/tracing.js';
import { type CliContext, parseCommandArgs } from './context.js';

/** Of the shutdown timeout, this much is kept for force-closing workers and closing the store. */
const SHUTDOWN_RESERVE_MS = 6_000;

const HELP = `Usage: gleaner worker [options]

Runs the feed, fetch and process workers until SIGTERM or SIGINT.

Options:
  --concurrency N           parallel fetches (default GLEANER_FETCH_CONCURRENCY or 16)
  --process-concurrency N   clean+extract worker threads (default GLEANER_PROCESS_CONCURRENCY or cores)
  --queues LIST             comma-separated subset of: ${ALL_QUEUES.join(',')}
  --shutdown-timeout SEC    how long running jobs may take to finish on shutdown (default 30)
  --metrics-port N          serve Prometheus metrics at /metrics and a health check at /healthz
  --metrics-host H          address for --metrics-port (default 127.0.0.1; 0.0.0.0 in a container)
  -h, --help                this help
`;

function positiveInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`worker: ${flag} must be a positive whole number`);
  return n;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(
    ctx,
    'worker',
    HELP,
    argv,
    {
      concurrency: { type: 'string' },
      'process-concurrency': { type: 'string' },
      queues: { type: 'string' },
      'shutdown-timeout': { type: 'string' },
      'metrics-port': { type: 'string' },
      'metrics-host': { type: 'string' },
    },
    { allowPositionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const config = { ...ctx.config };
  config.fetchConcurrency = positiveInt(parsed.values.concurrency, '--concurrency') ?? config.fetchConcurrency;
  config.processConcurrency = positiveInt(parsed.values['process-concurrency'], '--process-concurrency') ?? config.processConcurrency;
  const metricsPort = positiveInt(parsed.values['metrics-port'], '--metrics-port');
  const shutdownMs = (positiveInt(parsed.values['shutdown-timeout'], '--shutdown-timeout') ?? 30) * 1000;
  let queues: QueueName[] | undefined;
  if (parsed.values.queues) {
    queues = parsed.values.queues.split(',').map((q) => q.trim()) as QueueName[];
    const bad = queues.filter((q) => !ALL_QUEUES.includes(q));
    if (bad.length) throw new InputError(`worker: unknown queue(s) ${bad.join(', ')} (use ${ALL_QUEUES.join(', ')})`);
  }

  const logger = createLogger(config.logLevel);
  // Signals are handled from the start: a worker waiting for Redis must still stop on SIGTERM.
  let stopRequested: (signal: NodeJS.Signals) => void = () => {};
  const stopped = new Promise<NodeJS.Signals>((resolve) => (stopRequested = resolve));
  const onSignal = (signal: NodeJS.Signals) => stopRequested(signal);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  const { openStore, reopeningStore, storeOptions } = await import('../store/open.js');
  const { startWorkers } = await import('../queue/workers/index.js');
  // Opened on first use and again after a failed open: a database that is down at start (or later)
  // parks jobs until it answers, it does not stop the worker.
  const store = reopeningStore(() => openStore(storeOptions(config)));
  const tracing = await startTracing({ endpoint: config.otlpEndpoint, serviceName: 'gleaner-worker' });
  if (tracing) logger.info({ endpoint: config.otlpEndpoint }, 'OpenTelemetry traces on');
  const runtime = await startWorkers(config, { logger, store, queues, tracing });
  logger.info(
    {
      prefix: config.queuePrefix,
      queues: runtime.workers.map((w) => w.name),
      fetchConcurrency: config.fetchConcurrency,
      processConcurrency: config.processConcurrency,
      pid: process.pid,
    },
    'workers started',
  );
  const metricsServer = metricsPort
    ? await startMetricsServer({
        port: metricsPort,
        host: parsed.values['metrics-host'],
        render: () => metricsText(runtime.metrics, Object.values(runtime.queues)),
        healthy: () => runtime.healthy(),
      })
    : null;
  if (metricsServer) logger.info({ port: metricsServer.port }, 'metrics at /metrics, health at /healthz');
  // The durability check needs Redis; it must not hold up the workers (which wait for Redis on their own).
  void runtime.durability.then((d) => {
    for (const w of d.warnings) logger.warn(`WARNING: ${w}`);
  });

  const signal = await stopped;
  logger.info({ signal }, 'shutting down');
  // The backstop: whatever hangs (a silent database, a dead Redis), the process ends in time.
  const deadline = Date.now() + shutdownMs;
  const backstop = setTimeout(() => {
    logger.error({ shutdownMs }, 'shutdown did not finish within the timeout; exiting (cut-off jobs are retried after their lock expires)');
    process.exit(1);
  }, shutdownMs + 1_000).unref();
  // Running jobs get the shutdown timeout less a reserve for the forced close of the workers, the
  // queues (a quarter of it each) and the store (PostgresStore.close gives up after 2 s).
  const reserveMs = Math.min(SHUTDOWN_RESERVE_MS, shutdownMs / 2);
  await runtime.close(shutdownMs - reserveMs, reserveMs / 4);
  await metricsServer?.close();
  await tracing?.shutdown().catch(() => {});
  await store.close();
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  logger.info('workers stopped');
  clearTimeout(backstop);
  // Whatever still holds the event loop (a reconnecting socket to a dead Redis, a socket to a
  // silent database), the process ends, and within the shutdown timeout.
  setTimeout(() => process.exit(process.exitCode ?? 0), Math.max(100, Math.min(3_000, deadline - Date.now()))).unref();
  return 0;
}
