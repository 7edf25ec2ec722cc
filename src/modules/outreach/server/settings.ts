import { sql } from 'kysely';
import type { Config } from '../../../platform/config/env.ts';
import type { Executor } from '../../../platform/db/schema.ts';
import { type TChannelSettings, type TPolicySettings, ZChannelSettings, ZPolicySettings } from '../contract.ts';

/**
 * Channel and policy settings: stored values win, then the validated configuration (XIAOBAO_SMTP_URL /
 * _FROM, XIAOBAO_SMS_GATEWAY_URL / _KEY, XIAOBAO_WECHAT_API_BASE + _APPID/_SECRET/_TEMPLATE_ID), then defaults.
 */
const fromConfig = (config: Config): TChannelSettings =>
  ZChannelSettings.parse({
    ...(config.smtpUrl ? { email: { smtpUrl: config.smtpUrl, from: config.smtpFrom } } : {}),
    ...(config.smsGateway ? { sms: config.smsGateway } : {}),
    ...(config.wechatOa ? { wechat: config.wechatOa } : {}),
  });

const load = async (db: Executor, key: string): Promise<Record<string, unknown>> =>
  (await db.selectFrom('outreach_settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? {};

export const getChannelSettings = async (db: Executor, config: Config): Promise<TChannelSettings> => ({
  ...fromConfig(config),
  ...ZChannelSettings.parse(await load(db, 'channels')),
});
export const getPolicySettings = async (db: Executor): Promise<TPolicySettings> => ZPolicySettings.parse(await load(db, 'policy'));

export const saveSetting = async (db: Executor, key: 'channels' | 'policy', value: Record<string, unknown>): Promise<void> => {
  await db
    .insertInto('outreach_settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql`now()` }))
    .execute();
};

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** When quiet hours (Asia/Shanghai, UTC+8 all year) are on at `now`, the instant they end; else null. */
export const quietUntil = (now: Date, policy: Pick<TPolicySettings, 'quietStart' | 'quietEnd'>): Date | null => {
  const start = minutesOf(policy.quietStart);
  const end = minutesOf(policy.quietEnd);
  if (start === end) return null;
  const local = new Date(now.getTime() + 8 * 3600_000);
  const mins = local.getUTCHours() * 60 + local.getUTCMinutes();
  const inQuiet = start < end ? mins >= start && mins < end : mins >= start || mins < end;
  if (!inQuiet) return null;
  let wait = end - mins;
  if (wait <= 0) wait += 24 * 60;
  const until = new Date(now.getTime() + wait * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
};
