import type { LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../src/kernel/clock.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { type Config, loadConfig } from '../../src/platform/config/env.ts';
import type { Dialect } from '../../src/platform/db/client.ts';
import { bootRuntime, type Runtime, seedDemoIfEmpty } from '../../src/server/runtime.ts';
import { createTestDb, type TestDb } from './db.ts';

export type TestApp = {
  rt: Runtime;
  db: TestDb;
  /** Signs in through the real login route and returns a client bound to that session. */
  login: (username: string, password?: string) => Promise<Client>;
  anonymous: Client;
  close: () => Promise<void>;
};

export type Client = {
  request: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
};

/** Boots the real server (all modules, real database, inline jobs) and talks to it through inject(). */
export const createTestApp = async (
  dialect: Dialect,
  opts: { demo?: boolean; clock?: Clock; jobsMode?: 'inline' | 'pgboss'; demoComplaints?: number; config?: Partial<Config> } = {},
): Promise<TestApp> => {
  // The full demo has ~3,000 complaints; API tests create their own cases.
  process.env.XIAOBAO_DEMO_COMPLAINTS = String(opts.demoComplaints ?? 0);
  // Every module keeps its demo data minimal under 'test' (API tests make their own records).
  process.env.XIAOBAO_DEMO_SIZE = 'test';
  const db = await createTestDb(dialect);
  const config = loadConfig({ ...process.env, XIAOBAO_LOG_LEVEL: 'silent', DATABASE_URL: undefined } as NodeJS.ProcessEnv, {
    dataDir: db.dataDir,
    databaseUrl: db.databaseUrl,
    port: 0,
    ...opts.config,
  });
  const rt = await bootRuntime(config, {
    role: 'all',
    jobsMode: opts.jobsMode ?? 'inline',
    logger: false,
    handle: db.handle,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  if (opts.demo !== false) await seedDemoIfEmpty(rt, () => {});
  const app = rt.app;
  if (!app) throw new Error('no http app');

  const client = (cookie: string, csrfToken: string): Client => {
    const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    return { request, get: (url) => request('GET', url), post: (url, body) => request('POST', url, body ?? {}), csrfToken, cookie };
  };

  return {
    rt,
    db,
    anonymous: client('', ''),
    login: async (username, password = DEMO_PASSWORD) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return client(cookie, res.json().csrfToken as string);
    },
    close: async () => {
      await rt.close();
      await db.handle.close();
      await db.drop();
    },
  };
};
