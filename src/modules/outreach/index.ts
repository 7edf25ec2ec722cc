import type { ModuleDefinition } from '../../platform/module.ts';
import './server/db/tables.ts';
import { outreachMigrations } from './server/db/migrations.ts';
import { outreachJobs } from './server/jobs.ts';
import { outreachGrants } from './server/policy.ts';
import { registerPublicOutreachRoutes } from './server/public-routes.ts';
import { registerOutreachRoutes } from './server/routes.ts';
import { seedOutreachDemo } from './server/seed-demo.ts';
import { outreachSubscribers } from './server/subscribers.ts';

/** Outreach (触达): customer directory, live segments, multi-channel pushes, risk alerts. */
export const outreachModule: ModuleDefinition = {
  name: 'outreach',
  migrations: outreachMigrations,
  grants: outreachGrants,
  routes: (app, deps) => {
    registerOutreachRoutes(app, deps);
    registerPublicOutreachRoutes(app, deps);
  },
  jobs: (deps) => {
    const j = outreachJobs(deps);
    return [j.runImport, j.deliver, j.resume] as never[];
  },
  subscribers: outreachSubscribers,
  seedDemo: seedOutreachDemo,
};

export { OUTREACH_PERMISSIONS } from './server/policy.ts';
