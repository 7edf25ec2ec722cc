import { fileURLToPath } from 'node:url';
import { type Clock, systemClock } from '../kernel/clock.ts';
import { grantPermissions } from '../kernel/policy.ts';
import { createAuthenticator } from '../modules/identity/index.ts';
import type { Config } from '../platform/config/env.ts';
import { type DbHandle, openDatabase } from '../platform/db/client.ts';
import { collectMigrations, migrateToLatest } from '../platform/db/migrate.ts';
import { platformMigrations } from '../platform/db/platform-migrations.ts';
import { EventDispatcher } from '../platform/events/events.ts';
import { createHttpApp } from '../platform/http/app.ts';
import { JobQueue } from '../platform/jobs/jobs.ts';
import type { HttpApp, ModuleDefinition, ModuleDeps } from '../platform/module.ts';
import { MODULES } from './modules.ts';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type RuntimeOptions = {
  /** web: HTTP only; worker: jobs and event sweeps only; all: both (default). */
  role?: 'all' | 'web' | 'worker' | 'none';
  jobsMode?: 'pgboss' | 'inline';
  logger?: boolean;
  clock?: Clock;
  handle?: DbHandle;
  modules?: ModuleDefinition[];
};

export type Runtime = { config: Config; handle: DbHandle; deps: ModuleDeps; app: HttpApp | null; close: () => Promise<void> };

let granted = false;

/** Opens the database, migrates, wires modules, and (per role) the HTTP app, jobs and event sweeps. */
export const bootRuntime = async (config: Config, opts: RuntimeOptions = {}): Promise<Runtime> => {
  const role = opts.role ?? config.role;
  const modules = opts.modules ?? MODULES;
  const handle = opts.handle ?? (await openDatabase(config));
  try {
    await migrateToLatest(handle.db as never, collectMigrations([platformMigrations, ...modules.map((m) => m.migrations)]));
    if (!granted) {
      for (const m of modules) if (m.grants) grantPermissions(m.grants);
      granted = true;
    }
    const dispatcher = new EventDispatcher(handle.db);
    const jobs = new JobQueue(handle, opts.jobsMode ?? 'pgboss');
    const deps: ModuleDeps = { db: handle.db, dispatcher, handle, config, jobs, clock: opts.clock ?? systemClock };
    for (const m of modules) {
      if (m.jobs) jobs.register(...m.jobs(deps));
      if (m.subscribers) dispatcher.subscribe(...m.subscribers(deps));
    }
    const works = role === 'all' || role === 'worker';
    if (role !== 'none') await jobs.start(works);
    if (works) dispatcher.start();

    let app: HttpApp | null = null;
    if (role === 'all' || role === 'web') {
      app = await createHttpApp({ config, handle, authenticate: createAuthenticator(handle.db, deps.clock), webDir: WEB_DIST, logger: opts.logger ?? true });
      for (const m of modules) await m.routes?.(app, deps);
      await app.ready();
    }
    return {
      config,
      handle,
      deps,
      app,
      close: async () => {
        await app?.close();
        await dispatcher.stop();
        await jobs.stop();
        if (!opts.handle) await handle.close();
      },
    };
  } catch (e) {
    if (!opts.handle) await handle.close().catch(() => {});
    throw e;
  }
};

/** Runs every module's demo seed once, on a database without orgs. Returns false if data exists. */
export const seedDemoIfEmpty = async (rt: Runtime, log: (line: string) => void, modules = MODULES): Promise<boolean> => {
  const existing = await rt.handle.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  for (const m of modules) {
    if (!m.seedDemo) continue;
    log(`演示数据 demo data: ${m.name}`);
    await m.seedDemo({ ...rt.deps, log: (l) => log(`  ${l}`) });
  }
  return true;
};
