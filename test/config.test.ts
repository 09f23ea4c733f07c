// The configuration table: bad values are refused with a ConfigError naming the variable, unset and
// empty variables take their defaults, and the README's table is the one generated from SETTINGS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS, configTableMarkdown, loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('gives the documented defaults for unset and empty variables', () => {
    const c = loadConfig({ GLEANER_PORT: '', GLEANER_DATABASE_URL: '' });
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeNull();
    expect(c.fetchConcurrency).toBe(16);
    expect(c.allowPrivateAddresses).toBe(false);
    expect(c.allowedHosts).toEqual([]);
    expect(c.queuePrefix).toBe('gleaner');
  });

  it('parses set values', () => {
    const c = loadConfig({
      GLEANER_PORT: '9090',
      GLEANER_ALLOW_PRIVATE: 'yes',
      GLEANER_ALLOWED_HOSTS: 'a.example, b.example:8443',
      GLEANER_FETCH_CONCURRENCY: ' 4 ',
      GLEANER_REDIS_CLUSTER: '1',
      GLEANER_LOG_LEVEL: 'WARN',
    });
    expect(c).toMatchObject({
      port: 9090,
      allowPrivateAddresses: true,
      allowedHosts: ['a.example', 'b.example:8443'],
      fetchConcurrency: 4,
      queuePrefix: '{gleaner}',
      logLevel: 'warn',
    });
  });

  it.each([
    ['GLEANER_PORT', '80a'],
    ['GLEANER_PORT', '70000'],
    ['GLEANER_FETCH_CONCURRENCY', '0'],
    ['GLEANER_PROCESS_CONCURRENCY', 'many'],
    ['GLEANER_POLITENESS_MS', '-5'],
    ['GLEANER_LOCK_MS', '500'],
    ['GLEANER_FEED_MAX_ITEMS', '1.5'],
    ['GLEANER_ALLOW_PRIVATE', 'maybe'],
    ['GLEANER_LOG_LEVEL', 'loud'],
    ['GLEANER_DATABASE_URL', 'mysql://db/test'],
  ])('refuses %s=%s with a ConfigError naming it', (variable, value) => {
    const err = configError({ [variable]: value });
    expect(err.code).toBe('E_CONFIG');
    expect(err.message).toContain(variable);
    expect(err.context).toMatchObject({ variable, value });
  });
});

describe('the README', () => {
  it('shows the configuration table generated from SETTINGS', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    // On a mismatch, paste configTableMarkdown() into the README's Configuration section.
    expect(readme).toContain(configTableMarkdown());
  });

  it('lists every variable the table holds, once', () => {
    const names = Object.values(SETTINGS).map((s) => s.env);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^(GLEANER|OTEL)_[A-Z_]+$/);
  });
});
