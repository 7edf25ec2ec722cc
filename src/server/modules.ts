import { campaignsModule } from '../modules/campaigns/index.ts';
import { complaintsModule } from '../modules/complaints/index.ts';
import { educationModule } from '../modules/education/index.ts';
import { identityModule } from '../modules/identity/index.ts';
import { monitoringModule } from '../modules/monitoring/index.ts';
import { nlpModule } from '../modules/nlp/index.ts';
import { outreachModule } from '../modules/outreach/index.ts';
import type { ModuleDefinition } from '../platform/module.ts';

/** Every business module, in dependency order (migrations and demo seeds run in this order). */
export const MODULES: ModuleDefinition[] = [identityModule, nlpModule, complaintsModule, monitoringModule, educationModule, campaignsModule, outreachModule];
