// Types of fault-proxy.mjs (a TCP fault proxy for tests and bench/outage.mjs).
export type FaultMode = 'forward' | 'refuse' | 'hang';

export interface FaultProxy {
  host: string;
  port: number;
  readonly mode: FaultMode;
  set(mode: FaultMode): void;
  /** `template` with HOST and PORT replaced by the proxy's address. */
  url(template: string): string;
  /** Connections accepted so far, open now, and refused (reset at once). */
  stats(): { accepted: number; open: number; refused: number };
  close(): Promise<void>;
}

export function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy>;
