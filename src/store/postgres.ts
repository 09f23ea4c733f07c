// PostgreSQL store: placeholder until it lands (same interface as sqlite.ts).
import { ConfigError } from '../errors.js';
import type { Store } from './types.js';

export class PostgresStore {
  static async open(opts: { url: string; schema?: string }): Promise<Store> {
    throw new ConfigError('the PostgreSQL store is not available yet', { url: opts.url.replace(/\/\/[^@]*@/, '//***@') });
  }
}
