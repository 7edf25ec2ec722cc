import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { loadConfig } from '../../src/platform/config/env.ts';
import type { Dialect } from '../../src/platform/db/client.ts';
import { bootRuntime, seedDemoIfEmpty } from '../../src/server/runtime.ts';
import { ensureWebBuilt } from '../../src/server/web-build.ts';
import { createTestDb } from './db.ts';

export type TestServer = { url: string; close: () => Promise<void>; users: Record<string, string> };

/** The real server, listening on a random loopback port, serving the built web app (built here if stale). */
export const startTestServer = async (opts: { dialect?: Dialect; demo?: boolean } = {}): Promise<TestServer> => {
  await ensureWebBuilt(() => {});
  process.env.XIAOBAO_DEMO_COMPLAINTS ??= '300';
  const db = await createTestDb(opts.dialect ?? 'pglite');
  // Journeys use the full demo whatever an earlier test file in this worker left in process.env
  // (API tests set XIAOBAO_DEMO_SIZE=test, and Vitest reuses worker processes).
  const env = { ...process.env, XIAOBAO_LOG_LEVEL: 'silent', DATABASE_URL: '', XIAOBAO_DEMO_SIZE: 'full' };
  const config = loadConfig(env, { dataDir: db.dataDir, databaseUrl: db.databaseUrl, port: 0 });
  const rt = await bootRuntime(config, { role: 'all', jobsMode: 'inline', logger: false, handle: db.handle });
  if (opts.demo !== false) await seedDemoIfEmpty(rt, () => {});
  // Journeys start from a settled demo: the seeds' events (hundreds, e.g. attendance feeding outreach
  // segments) are delivered first, so the first clicks do not queue behind them on PGlite's one backend.
  await rt.deps.dispatcher.kick();
  const app = rt.app;
  if (!app) throw new Error('no http app');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    users: { admin: DEMO_PASSWORD, cpadmin: DEMO_PASSWORD, handler01: DEMO_PASSWORD, 'staff.outlet01': DEMO_PASSWORD, newbie: DEMO_PASSWORD },
    close: async () => {
      await rt.close();
      await db.handle.close();
      await db.drop();
    },
  };
};
