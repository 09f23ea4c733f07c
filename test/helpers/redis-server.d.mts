// Types of redis-server.mjs (a redis-server of our own for fault tests and bench/load.mjs).
export function freePort(): Promise<number>;

export interface OwnRedis {
  port: number;
  url: string;
  /** Its data directory (the AOF lives there). */
  dir: string;
  /** The running redis-server's process id (a new one after restart). */
  readonly pid: number | undefined;
  /** SHUTDOWN (Redis writes its AOF and exits), `downMs` of outage, then a new redis-server on the same port and directory. */
  restart(downMs?: number): Promise<void>;
  /** SIGKILL, and the data directory removed. */
  stop(): Promise<void>;
}

export function startOwnRedis(): Promise<OwnRedis>;
