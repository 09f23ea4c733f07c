// A TCP fault proxy for tests: listens on 127.0.0.1 (ephemeral port) and forwards every connection
// to a target (PostgreSQL, Redis, an HTTP server). It can be switched at any time to
//   'forward'  pass bytes both ways (the default);
//   'refuse'   reset (RST) every open connection and every new one at once: a server that is down;
//   'hang'     accept new connections but connect them nowhere, and stop moving bytes on the open
//              ones, without a word (no FIN, no RST): a silent network partition.
// Back to 'forward', held connections are connected and paused ones resume (a partition that
// heals); connections the client gave up on meanwhile are simply gone.
//
//   const proxy = await startFaultProxy({ host: '127.0.0.1', port: 5432 });
//   proxy.url('postgres://postgres@HOST:PORT/test')   // HOST:PORT → the proxy's address
//   proxy.set('refuse'); … proxy.set('forward');
//   await proxy.close();
//
// Plain JavaScript (types in fault-proxy.d.mts) so that bench/outage.mjs can use it too.
import { createConnection, createServer } from 'node:net';

/** @param {{ host: string, port: number }} target */
export async function startFaultProxy(target) {
  let mode = 'forward';
  const pairs = new Set();
  let accepted = 0;
  let refused = 0;

  const drop = (pair, reset) => {
    pairs.delete(pair);
    for (const s of [pair.client, pair.upstream]) {
      if (!s || s.destroyed) continue;
      if (reset) s.resetAndDestroy();
      else s.destroy();
    }
  };

  // No pipe(): pipe resumes a source on 'drain', which would let bytes through a hang. A paused
  // socket stops reading, so the bytes wait in the kernel buffers and nothing moves either way.
  const freeze = (pair) => {
    pair.client.pause();
    pair.upstream?.pause();
  };

  const connectUpstream = (pair) => {
    const upstream = createConnection(target);
    pair.upstream = upstream;
    upstream.on('error', () => drop(pair, true));
    upstream.on('close', () => drop(pair, false));
    upstream.on('data', (chunk) => pair.client.write(chunk));
    for (const chunk of pair.early.splice(0)) upstream.write(chunk);
    if (mode === 'hang') freeze(pair);
  };

  const thaw = (pair) => {
    if (!pair.upstream) connectUpstream(pair);
    pair.client.resume();
    pair.upstream?.resume();
  };

  const server = createServer((client) => {
    accepted++;
    const pair = { client, upstream: null, early: [] };
    client.on('error', () => drop(pair, true));
    client.on('close', () => drop(pair, false));
    client.on('data', (chunk) => {
      if (pair.upstream) pair.upstream.write(chunk);
      else pair.early.push(chunk);
    });
    if (mode === 'refuse') {
      refused++;
      client.resetAndDestroy();
      return;
    }
    pairs.add(pair);
    if (mode === 'hang') client.pause();
    else connectUpstream(pair);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address();

  return {
    host: '127.0.0.1',
    port,
    get mode() {
      return mode;
    },
    set(next) {
      mode = next;
      for (const pair of [...pairs]) {
        if (next === 'refuse') drop(pair, true);
        else if (next === 'hang') freeze(pair);
        else thaw(pair);
      }
    },
    url(template) {
      return template.replace('HOST', '127.0.0.1').replace('PORT', String(port));
    },
    stats: () => ({ accepted, open: pairs.size, refused }),
    async close() {
      for (const pair of [...pairs]) drop(pair, false);
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
