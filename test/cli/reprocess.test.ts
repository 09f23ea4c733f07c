// gleaner reprocess: records made again from their stored raw pages, in process (and the fallback
// to it when Redis does not answer); idempotent, with a summary.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { processDocument } from '../../src/pipeline.js';
import { sha256Hex as sha256 } from '../../src/text/hash.js';
import { emptyEntities } from '../../src/record/schema.js';
import { openStore } from '../../src/store/open.js';
import { runCli } from '../helpers/run-cli.js';

const FILE = fileURLToPath(new URL('../fixtures/entities/sahel-drought.txt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gleaner-cli-reprocess-'));
const dbPath = join(dir, 'store.db');
// a port nothing listens on: "Redis is not there"
const config = { ...loadConfig({}), dbPath, databaseUrl: null, redisUrl: 'redis://127.0.0.1:1' };
const ids: Record<string, string> = {};

beforeAll(async () => {
  const store = await openStore({ dbPath });
  const body = new Uint8Array(readFileSync(FILE));
  const rawHash = sha256(body);
  await store.putRaw(rawHash, body, 'text/plain');
  const fresh = processDocument(body, { isText: true, url: 'https://news.example/drought' });
  // what an older pipeline stored: the same text, no entities and no title
  const old = { ...fresh, title: null, entities: emptyEntities(), provenance: { ...fresh.provenance!, pipelineVersion: '0.0.1' } };
  ids.old = (await store.upsert(old)).id;
  // a record with no raw page (imported from JSON)
  ids.imported = (
    await store.upsert(
      processDocument('Officials in Bamako met on Monday to discuss the harvest in Mali.', {
        isText: true,
        url: 'https://news.example/imported',
      }),
    )
  ).id;
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gleaner reprocess', () => {
  it('needs filters or --all', async () => {
    const r = await runCli(['reprocess', '--in-process'], config);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--all/);
  });

  it('re-runs clean + extract over raw pages, in place, then finds nothing to change', async () => {
    const first = await runCli(['reprocess', '--all'], config);
    expect(first.stderr).toMatch(/Redis does not answer: reprocessing in this process/);
    expect(first.stderr).toMatch(/\[#+\] 2\/2 {2}changed 1 {2}unchanged 0 {2}failed 0 {2}skipped 1/);
    expect(first.stdout).toBe('reprocessed 2: 1 changed, 0 unchanged, 0 failed, 1 skipped (no raw page)\n');
    expect(first.code).toBe(0);

    const store = await openStore({ dbPath });
    const rec = (await store.get(ids.old))!;
    expect(rec.revision).toBe(1);
    expect(rec.entities.places.map((p) => p.name)).toContain('Niamey');
    expect(rec.entities.places.every((p) => /^e[0-9a-z]+$/.test(p.id!))).toBe(true);
    expect(rec.provenance!.pipelineVersion).not.toBe('0.0.1');
    expect(await store.count({ entity: 'Niamey' })).toBe(1);
    expect((await store.getEntity('Niamey'))!.records).toBe(1);
    await store.close();

    const again = await runCli(['reprocess', '--all', '--in-process'], config);
    expect(again.stdout).toBe('reprocessed 2: 0 changed, 1 unchanged, 0 failed, 1 skipped (no raw page)\n');
    const s2 = await openStore({ dbPath });
    expect((await s2.getEntity('Niamey'))!.records).toBe(1);
    await s2.close();
  });

  it('takes the record filters and applies the corrections of the store', async () => {
    const store = await openStore({ dbPath });
    await store.addCorrection({ op: 'retype', name: 'Leeds', to: 'organization', author: 'ana' });
    await store.close();
    const r = await runCli(['reprocess', '--source', 'news.example', '--entity', 'Niamey', '--in-process'], config);
    expect(r.stdout).toMatch(/^reprocessed 1: /);
    const s2 = await openStore({ dbPath });
    const rec = (await s2.get(ids.old))!;
    expect(rec.entities.organizations.map((o) => o.name)).toContain('Leeds');
    expect(rec.entities.places.map((p) => p.name)).not.toContain('Leeds');
    await s2.close();
  });

  it('counts a record whose raw page is gone as failed (exit 1) and goes on', async () => {
    const store = await openStore({ dbPath });
    const rec = processDocument('Flooding hit Kano on Sunday, officials in Nigeria said.', {
      isText: true,
      url: 'https://news.example/kano',
    });
    const withRaw = { ...rec, provenance: { ...rec.provenance!, rawHash: sha256('not stored') } };
    await store.upsert(withRaw);
    await store.close();
    const r = await runCli(['reprocess', '--all', '--in-process'], config);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/reprocess failed: r[0-9a-z]+: raw page .* is missing/);
    expect(r.stdout).toBe('reprocessed 3: 0 changed, 1 unchanged, 1 failed, 1 skipped (no raw page)\n');
  });
});

describe('gleaner reprocess through the queue', () => {
  it('sends one job per record to the workers and reports their results', async () => {
    const { startQueueRig } = await import('../helpers/queue-rig.js');
    const rig = await startQueueRig();
    try {
      const body = new Uint8Array(readFileSync(FILE));
      const rawHash = sha256(body);
      await rig.store.putRaw(rawHash, body, 'text/plain');
      const fresh = processDocument(body, { isText: true, url: 'https://news.example/drought-q' });
      const old = { ...fresh, entities: emptyEntities(), provenance: { ...fresh.provenance!, pipelineVersion: '0.0.1' } };
      const { id } = await rig.store.upsert(old);
      const r = await runCli(['reprocess', '--all', '--queue'], rig.env.config);
      expect(r.stderr).not.toMatch(/failed:/);
      expect(r.stdout).toBe('reprocessed 1: 1 changed, 0 unchanged, 0 failed, 0 skipped (no raw page)\n');
      expect((await rig.store.get(id))!.entities.places.map((p) => p.name)).toContain('Niamey');
      const again = await runCli(['reprocess', '--all', '--queue'], rig.env.config);
      expect(again.stdout).toBe('reprocessed 1: 0 changed, 1 unchanged, 0 failed, 0 skipped (no raw page)\n');
    } finally {
      await rig.close();
    }
  }, 120_000);
});

describe('gleaner reprocess through the queue with no worker draining it', () => {
  it('stops waiting after GLEANER_REPROCESS_WAIT_MS, reports what is pending and exits 1; the jobs stay queued', async () => {
    const { makeQueueEnv } = await import('../helpers/queue-env.js');
    const { startWorkers } = await import('../../src/queue/workers/index.js');
    const { createLogger } = await import('../../src/log.js');
    const env = makeQueueEnv({ GLEANER_REPROCESS_WAIT_MS: '1500' });
    const store = await openStore({ dbPath: env.config.dbPath });
    try {
      const body = new Uint8Array(readFileSync(FILE));
      await store.putRaw(sha256(body), body, 'text/plain');
      const fresh = processDocument(body, { isText: true, url: 'https://news.example/drought-w' });
      const old = { ...fresh, entities: emptyEntities(), provenance: { ...fresh.provenance!, pipelineVersion: '0.0.1' } };
      const { id } = await store.upsert(old);
      const r = await runCli(['reprocess', '--all', '--queue'], env.config);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/stopped waiting after 2 s \(GLEANER_REPROCESS_WAIT_MS\): 1 of 1 jobs not done \(1 waiting\)/);
      expect(r.stdout).toBe('reprocessed 1: 0 changed, 0 unchanged, 0 failed, 0 skipped (no raw page), 1 pending\n');
      expect((await store.get(id))!.entities.places).toEqual([]);
      // a worker started later takes the queued job
      const runtime = await startWorkers(env.config, { logger: createLogger('silent', { pretty: false }), store });
      try {
        for (let i = 0; i < 600 && !(await store.get(id))!.entities.places.length; i++) await new Promise((ok) => setTimeout(ok, 100));
        expect((await store.get(id))!.entities.places.map((p) => p.name)).toContain('Niamey');
      } finally {
        await runtime.close(10_000);
      }
    } finally {
      await store.close();
      await env.cleanup();
    }
  }, 120_000);
});
