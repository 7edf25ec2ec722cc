import type { ModuleDefinition } from '../../platform/module.ts';
import { registerAdminRoutes } from './server/admin-routes.ts';
import { registerAuthRoutes } from './server/auth-routes.ts';
import './server/db/tables.ts';
import { identityMigrations } from './server/db/migrations.ts';
import { purgeExpiredSessionsJob } from './server/jobs.ts';
import { identityGrants } from './server/policy.ts';
import { seedIdentityDemo } from './server/seed-demo.ts';

/** Identity: orgs, users, roles, sessions, second factor, the audit-log viewer. */
export const identityModule: ModuleDefinition = {
  name: 'identity',
  migrations: identityMigrations,
  grants: identityGrants,
  routes: (app, deps) => {
    registerAuthRoutes(app, deps);
    registerAdminRoutes(app, deps);
  },
  jobs: () => [purgeExpiredSessionsJob as never],
  seedDemo: async (ctx) => {
    await seedIdentityDemo(ctx);
  },
};

export { IDENTITY_PERMISSIONS } from './server/policy.ts';
export { findOrg, findStaffCovering, listOrgRefs, type OrgRef, orgNames, type StaffMember, userDisplayName } from './server/queries/find-staff.ts';
export { DEMO_API_KEY, DEMO_PASSWORD } from './server/seed-demo.ts';
export { createAuthenticator } from './server/sessions.ts';
export { createApiKey } from './server/use-cases/create-api-key.ts';
export { createUser } from './server/use-cases/create-user.ts';
