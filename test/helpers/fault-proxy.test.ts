// The TCP fault proxy against a real echo server: forward, a silent hang that loses nothing when it
// heals, and refuse (RST on open and new connections).
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy.mjs';

function connect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createConnection({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
}

/** Everything the socket receives, and how it ended. */
function watch(s: Socket) {
  let data = '';
  let error: NodeJS.ErrnoException | null = null;
  s.on('data', (d) => (data += d));
  const closed = new Promise<void>((r) => s.on('close', () => r()));
  s.on('error', (e) => (error = e));
  return { data: () => data, error: () => error, closed };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('fault proxy', () => {
  let echo: Server;
  let proxy: FaultProxy;

  beforeAll(async () => {
    echo = createServer((s) => {
      s.on('error', () => {}); // the proxy resets it in 'refuse'
      s.pipe(s);
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    proxy = await startFaultProxy({ host: '127.0.0.1', port: (echo.address() as { port: number }).port });
  });

  afterAll(async () => {
    await proxy?.close();
    await new Promise<void>((r) => echo.close(() => r()));
  });

  it('forwards both ways', async () => {
    const s = await connect(proxy.port);
    const w = watch(s);
    s.write('hello');
    await until(() => w.data() === 'hello', 'the echo');
    s.destroy();
    expect(proxy.url('postgres://u@HOST:PORT/db')).toBe(`postgres://u@127.0.0.1:${proxy.port}/db`);
  });

  it('hang: nothing moves on open or new connections, and nothing is lost when it heals', async () => {
    const open = await connect(proxy.port);
    const a = watch(open);
    open.write('one');
    await until(() => a.data() === 'one', 'the first echo');
    proxy.set('hang');
    open.write('two');
    const fresh = await connect(proxy.port); // accepted: the client cannot tell
    const b = watch(fresh);
    fresh.write('three');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.data()).toBe('one');
    expect(b.data()).toBe('');
    expect(a.error()).toBeNull();
    proxy.set('forward');
    await until(() => a.data() === 'onetwo' && b.data() === 'three', 'the held bytes');
    open.destroy();
    fresh.destroy();
  });

  it('refuse: open connections are reset, new ones too', async () => {
    const open = await connect(proxy.port);
    const a = watch(open);
    proxy.set('refuse');
    await a.closed;
    expect(a.error()?.code).toBe('ECONNRESET');
    const before = proxy.stats().refused;
    const late = createConnection({ host: '127.0.0.1', port: proxy.port });
    const b = watch(late);
    await b.closed;
    expect(b.error()?.code).toBe('ECONNRESET');
    expect(proxy.stats().refused).toBe(before + 1);
    proxy.set('forward');
    const again = await connect(proxy.port);
    const c = watch(again);
    again.write('back');
    await until(() => c.data() === 'back', 'the echo after the outage');
    again.destroy();
  });
});
