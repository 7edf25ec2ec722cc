import type { ModuleDefinition } from '../../platform/module.ts';
import './server/db/tables.ts';
import { campaignMigrations } from './server/db/migrations.ts';
import { campaignGrants } from './server/policy.ts';
import { registerPublicCampaignRoutes } from './server/public-routes.ts';
import { registerCampaignRoutes } from './server/routes.ts';
import { seedCampaignsDemo } from './server/seed-demo.ts';
import { quizAttemptSubscriber } from './server/use-cases/count-quiz-attempt.ts';

/**
 * Campaigns (宣传活动) and their events: themes and goals, public registration with a QR confirmation,
 * check-in at the door, walk-ins, reports and photos, one-on-one assistance, reach analytics.
 * Emits `campaigns.event_published` and `campaigns.attendance_recorded`.
 */
export const campaignsModule: ModuleDefinition = {
  name: 'campaigns',
  migrations: campaignMigrations,
  grants: campaignGrants,
  routes: (app, deps) => {
    registerCampaignRoutes(app, deps);
    registerPublicCampaignRoutes(app, deps);
  },
  subscribers: () => [quizAttemptSubscriber],
  seedDemo: seedCampaignsDemo,
};

export { CAMPAIGN_PERMISSIONS } from './server/policy.ts';
