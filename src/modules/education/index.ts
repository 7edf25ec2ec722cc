import type { ModuleDefinition } from '../../platform/module.ts';
import './server/db/tables.ts';
import { registerEducationAnalysisRoutes } from './server/analysis-routes.ts';
import { educationMigrations } from './server/db/migrations.ts';
import { registerEducationMediaRoutes } from './server/media-routes.ts';
import { educationGrants } from './server/policy.ts';
import { registerPublicEducationRoutes } from './server/public-routes.ts';
import { registerEducationRoutes } from './server/routes.ts';
import { seedEducationDemo } from './server/seed-demo.ts';

/** Financial education (宣教): content with 消保审查, question bank and quizzes, verifiable prize draws, courses. */
export const educationModule: ModuleDefinition = {
  name: 'education',
  migrations: educationMigrations,
  grants: educationGrants,
  routes: (app, deps) => {
    registerEducationRoutes(app, deps);
    registerPublicEducationRoutes(app, deps);
    registerEducationMediaRoutes(app, deps);
    registerEducationAnalysisRoutes(app, deps);
  },
  seedDemo: seedEducationDemo,
};

export { DRAW_ALGORITHM, drawWinners, entriesHashOf, seedHashOf, verifyDraw } from './server/domain/draw.ts';
export { listPushableContent, type PushableContent } from './server/queries/pushable-content.ts';
