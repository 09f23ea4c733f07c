// What the server is built from. Everything is injected so that tests pass their own store and,
// when they exercise the queue endpoints, their own producer on a throw-away queue prefix.
import type { Queue } from 'bullmq';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { FeedState, Store } from '../store/types.js';

/** The part of the queue producer (src/queue/producer.ts) the server uses. */
export interface QueueProducer {
  enqueueUrls(urls: string[]): Promise<Array<{ url: string; jobId: string; status: string }>>;
  addFeed(url: string, every?: string): Promise<FeedState>;
  /** The BullMQ queues, shown by Bull Board. */
  getQueues(): Queue[];
  /** The producer's own Redis connection, pinged by /healthz. */
  readonly redis?: { ping(): Promise<unknown>; readonly status?: string };
  close(): Promise<void>;
}

export interface ServerDeps {
  store: Store;
  /** Absent when Redis is not configured or not reachable: queue endpoints answer 503. */
  producer?: QueueProducer | null;
  /**
   * apiToken: the token writes and the dashboard need (a random one nobody knows when null);
   * host and allowedHosts: which Host headers are answered, and whether reads need the token too.
   */
  config: Pick<Config, 'apiToken'> & Partial<Config>;
  /** Fastify logs through it; none when absent (tests). */
  logger?: Logger;
  /** Matching records the facets of a filtered list are counted over (default FACET_SAMPLE). */
  facetSample?: number;
}
