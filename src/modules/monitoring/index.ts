import type { ModuleDefinition } from '../../platform/module.ts';
import './server/db/tables.ts';
import { monitoringMigrations } from './server/db/migrations.ts';
import { registerIntegrationRoutes } from './server/integration-routes.ts';
import { monitoringJobs } from './server/jobs.ts';
import { monitoringGrants } from './server/policy.ts';
import { registerMonitoringRoutes } from './server/routes.ts';
import { seedMonitoringDemo } from './server/seed-demo.ts';
import { registerSettingsRoutes } from './server/settings-routes.ts';

/** Public-opinion (舆情) monitoring: sources, analysis, grading, spike alerts and the incident workflow. */
export const monitoringModule: ModuleDefinition = {
  name: 'monitoring',
  migrations: monitoringMigrations,
  grants: monitoringGrants,
  routes: (app, deps) => {
    registerMonitoringRoutes(app, deps);
    registerIntegrationRoutes(app, deps);
    registerSettingsRoutes(app, deps);
  },
  jobs: (deps) => {
    const j = monitoringJobs(deps);
    return [j.detectSpikes, j.pollFeeds, j.deliverAlerts, j.replayDemo, j.resumeImports] as never[];
  },
  seedDemo: seedMonitoringDemo,
};

export { MONITORING_PERMISSIONS } from './server/policy.ts';
export { incidentsForComplaint } from './server/queries/get-incident.ts';
