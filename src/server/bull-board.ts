// Bull Board (the queue dashboard) at /queues, when the server has a producer and so Redis.
import { createBullBoard } from '@bull-board/api';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { Queue } from 'bullmq';
import { DASHBOARD_PATH } from './security.js';

export { DASHBOARD_PATH };

/**
 * Writable: every request to it needs the server's token (the cookie set by the printed URL, see
 * security.ts), so whoever reaches it may retry, remove or add jobs.
 */
export async function mountBullBoard(app: FastifyInstance, queues: Queue[]): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    // @bull-board/fastify pins its own copy of @bull-board/api (9.10.1 vs our 9.10.2): the classes
    // are the same at run time, but TypeScript sees two declarations of their private fields.
    serverAdapter: serverAdapter as unknown as IServerAdapter,
    options: { uiConfig: { boardTitle: 'gleaner queues', miscLinks: [{ text: 'Records', url: '/' }], hideDocsLink: true } },
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: DASHBOARD_PATH });
}
