import type { ModuleDefinition } from '../../platform/module.ts';
import './server/db/tables.ts';
import { complaintMigrations } from './server/db/migrations.ts';
import { complaintJobs } from './server/jobs.ts';
import { complaintGrants } from './server/policy.ts';
import { registerPublicComplaintRoutes } from './server/public-routes.ts';
import { registerComplaintRoutes } from './server/routes.ts';
import { seedComplaintsDemo } from './server/seed-demo.ts';

/** Complaints (投诉): every channel, first-responder ownership, the statutory clock, notices, review, coding. */
export const complaintsModule: ModuleDefinition = {
  name: 'complaints',
  migrations: complaintMigrations,
  grants: complaintGrants,
  routes: (app, deps) => {
    registerComplaintRoutes(app, deps);
    registerPublicComplaintRoutes(app, deps);
  },
  jobs: (deps) => complaintJobs(deps) as never,
  seedDemo: seedComplaintsDemo,
};

export { type ClockEvent, type ClockState, computeClock } from './server/domain/clock.ts';
export { type ComplaintRef, searchComplaintRefs } from './server/queries/search-complaint-refs.ts';
