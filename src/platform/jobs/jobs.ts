import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { DbHandle } from '../db/client.ts';
import type { Executor } from '../db/schema.ts';

/**
 * Typed jobs on a queue that lives in our own database (pg-boss 10, the last major that runs
 * on Node 20, and which works on PGlite through the same connection gate as Kysely).
 * `inline` mode runs a job's handler as soon as it is sent, for tests and the CLI.
 */
export type JobContext = { handle: DbHandle; jobId: string; attempt: number };

export type JobDefinition<P = unknown> = {
  name: string;
  payload: z.ZodType<P>;
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Cron expression evaluated in Asia/Shanghai; the job then takes an empty payload. */
  cron?: string;
  /** How many jobs of this kind one process works at once. */
  concurrency?: number;
};

export const defineJob = <P>(def: JobDefinition<P>): JobDefinition<P> => def;

export type SendOptions = { startAfter?: Date | number; singletonKey?: string; tx?: Executor };

const txExecutor = (tx: Executor) => ({
  executeSql: async (text: string, values: unknown[]) => {
    const res = await tx.executeQuery(CompiledQuery.raw(text, values));
    return { rows: res.rows as unknown[] };
  },
});

export class JobQueue {
  readonly #defs = new Map<string, JobDefinition<never>>();
  #boss: PgBoss | null = null;
  #inlineRuns = 0;

  constructor(
    private readonly handle: DbHandle,
    private readonly mode: 'pgboss' | 'inline',
  ) {}

  register(...defs: JobDefinition<never>[]): void {
    for (const d of defs) {
      if (this.#defs.has(d.name)) throw new Error(`job ${d.name} registered twice`);
      this.#defs.set(d.name, d);
    }
  }

  /** Creates the queues; with `work`, this process also fetches and runs jobs and keeps schedules. */
  async start(work: boolean): Promise<void> {
    if (this.mode === 'inline') return;
    const boss = new PgBoss({
      db: { executeSql: (t, v) => this.handle.executeSql(t, v) },
      schema: 'pgboss',
      supervise: work,
      schedule: work,
      migrate: true,
    });
    boss.on('error', (e) => console.error(`[jobs] ${e.message}`));
    await boss.start();
    this.#boss = boss;
    for (const def of this.#defs.values()) {
      await boss.createQueue(def.name, {
        name: def.name,
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 10,
        retryBackoff: true,
      });
      if (!work) continue;
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
      await boss.work(def.name, { pollingIntervalSeconds: 0.5, batchSize: def.concurrency ?? 1 }, async (jobs) => {
        for (const job of jobs) {
          const payload = def.payload.parse(job.data);
          await def.handler(payload as never, { handle: this.handle, jobId: job.id, attempt: 0 });
        }
      });
    }
  }

  async send<P>(def: JobDefinition<P>, payload: P, opts: SendOptions = {}): Promise<string | null> {
    const parsed = def.payload.parse(payload);
    if (this.mode === 'inline') {
      this.#inlineRuns++;
      await def.handler(parsed, { handle: this.handle, jobId: `inline-${this.#inlineRuns}`, attempt: 0 });
      return `inline-${this.#inlineRuns}`;
    }
    if (!this.#boss) throw new Error('job queue not started');
    return this.#boss.send(def.name, parsed as object, {
      ...(opts.startAfter !== undefined ? { startAfter: opts.startAfter instanceof Date ? opts.startAfter : new Date(opts.startAfter) } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      // Sent inside the caller's transaction: the job exists if and only if the change commits.
      ...(opts.tx ? { db: txExecutor(opts.tx) } : {}),
    });
  }

  async stop(): Promise<void> {
    await this.#boss?.stop({ graceful: true, timeout: 5000, wait: true });
    this.#boss = null;
  }
}
