// The worker's small HTTP endpoint (`gleaner worker --metrics-port N`): GET /metrics for Prometheus
// and GET /healthz for container health checks (200 while Redis is connected and the workers run,
// 503 otherwise). Nothing else; it binds to loopback unless told otherwise.
import { createServer, type Server } from 'node:http';
import { METRICS_CONTENT_TYPE } from './registry.js';

export interface MetricsServerOptions {
  port: number;
  host?: string;
  render(): Promise<string>;
  healthy(): boolean;
}

export async function startMetricsServer(opts: MetricsServerOptions): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    if (path === '/metrics') {
      opts.render().then(
        (text) => res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
        (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(err)}\n`),
      );
      return;
    }
    if (path === '/healthz') {
      const ok = opts.healthy();
      return void res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok }) + '\n');
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics or /healthz\n');
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.port, opts.host ?? '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
