// The deployment stack, checked without a Docker engine (none runs here): docker-compose.yml and
// deploy/prometheus.yml parse, and they say what the README promises — one image built once, Redis
// that keeps its jobs, health checks, worker replicas with metrics, the token only from .env, a
// Prometheus that scrapes the web server and every worker, nothing published beyond loopback.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/build.js';

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string | string[];
  healthcheck?: { test: string[] };
  deploy?: { replicas?: number };
  ports?: string[];
  secrets?: string[];
  volumes?: string[];
  profiles?: string[];
};

const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  secrets: Record<string, { environment?: string }>;
};
const prometheus = parse(readFileSync(join(REPO_ROOT, 'deploy/prometheus.yml'), 'utf8')) as {
  scrape_configs: Array<{
    job_name: string;
    metrics_path: string;
    authorization?: { credentials_file: string };
    static_configs?: Array<{ targets: string[] }>;
    dns_sd_configs?: Array<{ names: string[]; port: number }>;
  }>;
};
const { services } = compose;
const gleanerServices = ['worker', 'web', 'cli'];

describe('docker-compose.yml', () => {
  it('builds one image once and runs every gleaner service from it', () => {
    const built = Object.entries(services).filter(([, s]) => s.build);
    expect(built.map(([name]) => name)).toEqual(['worker']);
    expect(built[0]![1].build!.dockerfile).toBe('Dockerfile');
    readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
    for (const name of gleanerServices) expect(services[name]!.image, name).toBe('gleaner:local');
  });

  it('gives every gleaner service the same Redis, database and queue prefix', () => {
    for (const name of gleanerServices) {
      expect(services[name]!.environment, name).toMatchObject({
        GLEANER_REDIS_URL: 'redis://redis:6379',
        GLEANER_DATABASE_URL: expect.stringMatching(/^postgres:\/\/.+@postgres:5432\//),
        GLEANER_QUEUE_PREFIX: 'gleaner',
      });
    }
  });

  it('runs Redis with AOF and noeviction, so a restart or a full memory loses no job', () => {
    const cmd = services.redis!.command!.join(' ');
    expect(cmd).toMatch(/--appendonly yes/);
    expect(cmd).toMatch(/--appendfsync everysec/);
    expect(cmd).toMatch(/--maxmemory-policy noeviction/);
  });

  it('health-checks the web server and the workers on their /healthz', () => {
    expect(services.web!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:8080/healthz');
    expect(services.worker!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:9464/healthz');
    expect(services.worker!.command).toEqual(expect.arrayContaining(['worker', '--metrics-port', '9464', '--metrics-host', '0.0.0.0']));
    expect(services.redis!.healthcheck).toBeDefined();
    expect(services.postgres!.healthcheck).toBeDefined();
  });

  it('runs several worker replicas', () => {
    expect(services.worker!.deploy!.replicas).toBeGreaterThanOrEqual(2);
  });

  it('takes the token from .env only, requires it, and publishes on loopback unless told otherwise', () => {
    expect(services.web!.env_file).toBe('.env');
    expect(services.web!.environment!.GLEANER_API_TOKEN).toMatch(/^\$\{GLEANER_API_TOKEN:\?/);
    expect(services.web!.environment!.GLEANER_ALLOWED_HOSTS).toMatch(/^web,/);
    expect(services.web!.ports).toEqual(['${GLEANER_PUBLISH_ADDRESS:-127.0.0.1}:8080:8080']);
    for (const [name, s] of Object.entries(services)) {
      for (const p of s.ports ?? []) expect(p, name).toMatch(/^(127\.0\.0\.1|\$\{GLEANER_PUBLISH_ADDRESS:-127\.0\.0\.1\}):/);
    }
    expect(compose.secrets.gleaner_api_token).toEqual({ environment: 'GLEANER_API_TOKEN' });
    const example = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    expect(example).toMatch(/^GLEANER_API_TOKEN=$/m);
  });

  it('only sets variables gleaner reads (the README table lists them)', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    for (const name of gleanerServices) {
      for (const key of Object.keys(services[name]!.environment ?? {})) expect(readme, `${name}: ${key}`).toContain(`\`${key}\``);
    }
  });
});

describe('deploy/prometheus.yml', () => {
  it('scrapes the web server with the token from the compose secret', () => {
    const web = prometheus.scrape_configs.find((c) => c.job_name === 'gleaner-web')!;
    expect(web.metrics_path).toBe('/metrics');
    expect(web.static_configs![0]!.targets).toEqual(['web:8080']);
    expect(web.authorization!.credentials_file).toBe('/run/secrets/gleaner_api_token');
    expect(services.prometheus!.secrets).toContain('gleaner_api_token');
    expect(services.prometheus!.volumes).toContain('./deploy/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
  });

  it('finds every worker replica by DNS on its metrics port', () => {
    const worker = prometheus.scrape_configs.find((c) => c.job_name === 'gleaner-worker')!;
    expect(worker.dns_sd_configs![0]).toMatchObject({ names: ['worker'], port: 9464 });
  });
});
