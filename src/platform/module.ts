import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RoleCode } from '../kernel/actor.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Config } from './config/env.ts';
import type { DbHandle } from './db/client.ts';
import type { MigrationSet } from './db/migrate.ts';
import type { Platform } from './db/unit-of-work.ts';
import type { Subscriber } from './events/events.ts';
import type { JobDefinition, JobQueue } from './jobs/jobs.ts';

/** The one shape every business module exposes to the server through its index.ts. */
export type HttpApp = FastifyInstance<RawServerDefault, never, never, never, ZodTypeProvider> & FastifyInstance;

export type ModuleDeps = Platform & {
  handle: DbHandle;
  config: Config;
  jobs: JobQueue;
  clock: Clock;
};

export type DemoSeedContext = ModuleDeps & { log: (line: string) => void };

export type ModuleDefinition = {
  name: string;
  migrations: MigrationSet;
  /** Permissions each role gets from this module. */
  grants?: Partial<Record<RoleCode, readonly string[]>>;
  routes?: (app: HttpApp, deps: ModuleDeps) => void | Promise<void>;
  jobs?: (deps: ModuleDeps) => JobDefinition<never>[];
  subscribers?: (deps: ModuleDeps) => Subscriber[];
  /** Adds the module's demo data to an empty database; runs once, in registration order. */
  seedDemo?: (ctx: DemoSeedContext) => Promise<void>;
};

/** Resolves the signed-in user for a request (supplied by the identity module). */
export type Authenticator = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
