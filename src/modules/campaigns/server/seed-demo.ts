import type { DemoSeedContext } from '../../../platform/module.ts';

export const seedCampaignsDemo = async (_ctx: DemoSeedContext): Promise<void> => {};
