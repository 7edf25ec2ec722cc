import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../../platform/jobs/jobs.ts';
import type { ModuleDeps } from '../../../platform/module.ts';

type OutreachJobs = {
  runImport: JobDefinition<{ importId: string }>;
  deliver: JobDefinition<{ pushId: string }>;
  resume: JobDefinition<Record<string, never>>;
};

const cache = new WeakMap<ModuleDeps, OutreachJobs>();

/** One set of jobs per runtime; handlers import lazily to avoid cycles. */
export const outreachJobs = (deps: ModuleDeps): OutreachJobs => {
  const hit = cache.get(deps);
  if (hit) return hit;
  const jobs: OutreachJobs = {
    runImport: defineJob({
      name: 'outreach.import',
      payload: z.object({ importId: z.uuid() }),
      retryLimit: 3,
      handler: async (p) => {
        const { processImport } = await import('./use-cases/import-customers.ts');
        await processImport(deps, p.importId);
      },
    }),
    deliver: defineJob({
      name: 'outreach.deliver',
      payload: z.object({ pushId: z.uuid() }),
      retryLimit: 5,
      concurrency: 2,
      handler: async (p) => {
        const { deliverPush } = await import('./deliver.ts');
        await deliverPush(deps, p.pushId);
      },
    }),
    // Picks up work a crashed process left behind: queued imports, due or stale deliveries, scheduled pushes.
    resume: defineJob({
      name: 'outreach.resume',
      payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
      cron: '* * * * *',
      retryLimit: 0,
      handler: async () => {
        const { resumeOutreach } = await import('./deliver.ts');
        await resumeOutreach(deps);
      },
    }),
  };
  cache.set(deps, jobs);
  return jobs;
};
