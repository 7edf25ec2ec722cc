import { z } from 'zod';
import { defineJob } from '../../../platform/jobs/jobs.ts';

/** Expired sessions are deleted hourly so the table stays small and tokens die for good. */
export const purgeExpiredSessionsJob = defineJob({
  name: 'identity.purge-expired-sessions',
  payload: z.object({}).passthrough(),
  cron: '17 * * * *',
  retryLimit: 2,
  handler: async (_payload, { handle }) => {
    await handle.db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
  },
});
