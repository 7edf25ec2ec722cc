import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/schema.ts';
import { type TChannelSettings, type TPolicySettings, ZChannelSettings, ZPolicySettings } from '../contract.ts';

/**
 * Channel and policy settings: stored values win, then the environment (XIAOBAO_SMTP_URL,
 * XIAOBAO_SMS_GATEWAY_URL, XIAOBAO_WECHAT_API_BASE + _APPID/_SECRET/_TEMPLATE_ID), then defaults.
 */
const fromEnv = (): TChannelSettings => {
  const e = process.env;
  return ZChannelSettings.parse({
    ...(e.XIAOBAO_SMTP_URL ? { email: { smtpUrl: e.XIAOBAO_SMTP_URL, ...(e.XIAOBAO_SMTP_FROM ? { from: e.XIAOBAO_SMTP_FROM } : {}) } } : {}),
    ...(e.XIAOBAO_SMS_GATEWAY_URL
      ? { sms: { url: e.XIAOBAO_SMS_GATEWAY_URL, ...(e.XIAOBAO_SMS_GATEWAY_KEY ? { apiKey: e.XIAOBAO_SMS_GATEWAY_KEY } : {}) } }
      : {}),
    ...(e.XIAOBAO_WECHAT_API_BASE && e.XIAOBAO_WECHAT_APPID && e.XIAOBAO_WECHAT_SECRET && e.XIAOBAO_WECHAT_TEMPLATE_ID
      ? {
          wechat: {
            apiBase: e.XIAOBAO_WECHAT_API_BASE,
            appId: e.XIAOBAO_WECHAT_APPID,
            secret: e.XIAOBAO_WECHAT_SECRET,
            templateId: e.XIAOBAO_WECHAT_TEMPLATE_ID,
          },
        }
      : {}),
  });
};

const load = async (db: Executor, key: string): Promise<Record<string, unknown>> =>
  (await db.selectFrom('outreach_settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? {};

export const getChannelSettings = async (db: Executor): Promise<TChannelSettings> => ({ ...fromEnv(), ...ZChannelSettings.parse(await load(db, 'channels')) });
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
