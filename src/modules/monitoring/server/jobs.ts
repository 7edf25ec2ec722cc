import { z } from 'zod';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import type { ModuleDeps } from '../../../platform/module.ts';

type MonitoringJobs = {
  detectSpikes: JobDefinition<{ watchlistIds?: string[] | undefined; storyIds?: string[] | undefined }>;
  pollFeeds: JobDefinition<Record<string, never>>;
  deliverAlerts: JobDefinition<Record<string, never>>;
  replayDemo: JobDefinition<Record<string, never>>;
  resumeImports: JobDefinition<Record<string, never>>;
};

const cache = new WeakMap<ModuleDeps, MonitoringJobs>();

/** The module's jobs, one set per runtime (handlers close over its deps). Imports are lazy to avoid cycles. */
export const monitoringJobs = (deps: ModuleDeps): MonitoringJobs => {
  const hit = cache.get(deps);
  if (hit) return hit;
  const jobs: MonitoringJobs = {
    detectSpikes: defineJob({
      name: 'monitoring.detect-spikes',
      payload: z.object({ watchlistIds: z.array(z.uuid()).optional(), storyIds: z.array(z.uuid()).optional() }),
      cron: '*/5 * * * *',
      retryLimit: 3,
      handler: async (p) => {
        const { detectSpikes } = await import('./alerts.ts');
        await detectSpikes(deps, p.watchlistIds || p.storyIds ? { watchlistIds: p.watchlistIds ?? [], storyIds: p.storyIds ?? [] } : {});
      },
    }),
    pollFeeds: defineJob({
      name: 'monitoring.poll-feeds',
      payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
      cron: '* * * * *',
      retryLimit: 0,
      handler: async () => {
        const { pollDueSources } = await import('./feeds.ts');
        await pollDueSources(deps);
      },
    }),
    deliverAlerts: defineJob({
      name: 'monitoring.deliver-alerts',
      payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
      cron: '* * * * *',
      retryLimit: 0,
      handler: async () => {
        const { deliverPending } = await import('./alerts.ts');
        await deliverPending(deps);
      },
    }),
    replayDemo: defineJob({
      name: 'monitoring.demo-replay',
      payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
      cron: '* * * * *',
      retryLimit: 0,
      handler: async () => {
        const { replayDemoPosts } = await import('./demo-replay.ts');
        await replayDemoPosts(deps);
      },
    }),
    resumeImports: defineJob({
      name: 'monitoring.resume-imports',
      payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
      cron: '* * * * *',
      retryLimit: 0,
      handler: async () => {
        const { resumeImportJobs } = await import('./import-runner.ts');
        await resumeImportJobs(deps);
      },
    }),
  };
  cache.set(deps, jobs);
  return jobs;
};

export const detectSpikesJob = (deps: ModuleDeps) => monitoringJobs(deps).detectSpikes;
