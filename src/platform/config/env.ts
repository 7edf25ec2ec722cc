import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Configuration is read from the environment once, validated, and frozen. An invalid value
 * stops the process with one line naming the variable, so operators never chase a stack trace.
 */
const portSchema = z.coerce.number().int().min(0).max(65535);
const boolSchema = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  XIAOBAO_PORT: portSchema.default(3000),
  XIAOBAO_HOST: z.string().min(1).default('127.0.0.1'),
  XIAOBAO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  XIAOBAO_PUBLIC_URL: z.url().optional(),
  XIAOBAO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  XIAOBAO_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  XIAOBAO_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  XIAOBAO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  XIAOBAO_TRUST_PROXY: boolSchema.default(false),
  XIAOBAO_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  XIAOBAO_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  XIAOBAO_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  XIAOBAO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  XIAOBAO_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  XIAOBAO_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  XIAOBAO_SMTP_FROM: z.string().trim().min(3).max(200).default('xiaobao@localhost'),
  XIAOBAO_FEED_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  XIAOBAO_SHARED_DATA: z.string().min(1).optional(),
  XIAOBAO_DEMO_SIZE: z.enum(['full', 'test']).default('full'),
  XIAOBAO_DEMO_REPLAY: z.enum(['on', 'off']).default('on'),
  XIAOBAO_DEMO_POSTS_PER_SOURCE: z.coerce.number().int().min(0).max(100_000).default(300),
  XIAOBAO_SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  XIAOBAO_SMS_GATEWAY_KEY: z.string().min(1).max(500).optional(),
  XIAOBAO_WECHAT_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  XIAOBAO_WECHAT_APPID: z.string().min(1).max(100).optional(),
  XIAOBAO_WECHAT_SECRET: z.string().min(1).max(200).optional(),
  XIAOBAO_WECHAT_TEMPLATE_ID: z.string().min(1).max(200).optional(),
  XIAOBAO_DEMO_CUSTOMERS: z.coerce.number().int().min(0).max(1_000_000).default(3000),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  sessionSecret: string;
  role: 'all' | 'web' | 'worker';
  logLevel: z.infer<typeof EnvSchema>['XIAOBAO_LOG_LEVEL'];
  trustProxy: boolean;
  sessionTtlMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  rateLimitPerMinute: number;
  /** Sign-in attempts per client IP per minute (on top of the per-account lockout). */
  loginRatePerMinute: number;
  bodyLimitBytes: number;
  /** Secure cookies only when the public URL is https (behind TLS). */
  secureCookies: boolean;
  /** Sender address of alert mails. */
  smtpFrom: string;
  /** Hard limit for one feed fetch (headers and body). */
  feedTimeoutMs: number;
  /** Where the demo source reads public data sets (../shared/data beside the checkout). */
  sharedDataDir: string;
  /** 'test' keeps each module's demo data minimal. */
  demoSize: 'full' | 'test';
  /** The demo source keeps adding posts every minute. */
  demoReplay: boolean;
  demoPostsPerSource: number;
  /** Outreach SMS gateway (JSON POST); the outreach settings page can override it. */
  smsGateway: { url: string; apiKey?: string } | undefined;
  /** WeChat Official Account template messages; all four variables or none. */
  wechatOa: { apiBase: string; appId: string; secret: string; templateId: string } | undefined;
  demoCustomers: number;
};

export class ConfigError extends Error {}

/** The public data sets live beside the checkout (../shared/data), never inside the repository. */
export const DEFAULT_SHARED_DATA = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

/** A missing secret is generated once and kept in the data directory, so restarts keep sessions. */
const loadOrCreateSecret = (dataDir: string): string => {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};

const wechatOf = (e: z.infer<typeof EnvSchema>): Config['wechatOa'] => {
  const parts = [e.XIAOBAO_WECHAT_API_BASE, e.XIAOBAO_WECHAT_APPID, e.XIAOBAO_WECHAT_SECRET, e.XIAOBAO_WECHAT_TEMPLATE_ID];
  if (parts.every((v) => v === undefined)) return undefined;
  if (parts.some((v) => v === undefined))
    throw new ConfigError('配置错误 / invalid configuration: XIAOBAO_WECHAT_*: set API_BASE, APPID, SECRET and TEMPLATE_ID together');
  return {
    apiBase: e.XIAOBAO_WECHAT_API_BASE as string,
    appId: e.XIAOBAO_WECHAT_APPID as string,
    secret: e.XIAOBAO_WECHAT_SECRET as string,
    templateId: e.XIAOBAO_WECHAT_TEMPLATE_ID as string,
  };
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config => {
  // An empty variable means "not set" (as in shell `VAR= cmd`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`配置错误 / invalid configuration: ${name}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const dataDir = resolve(overrides.dataDir ?? e.XIAOBAO_DATA_DIR);
  const port = overrides.port ?? e.XIAOBAO_PORT;
  const publicUrl = overrides.publicUrl ?? e.XIAOBAO_PUBLIC_URL ?? `http://localhost:${port}`;
  const config: Config = {
    port,
    host: e.XIAOBAO_HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    smtpUrl: e.XIAOBAO_SMTP_URL,
    sessionSecret: e.XIAOBAO_SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    role: e.XIAOBAO_ROLE,
    logLevel: e.XIAOBAO_LOG_LEVEL,
    trustProxy: e.XIAOBAO_TRUST_PROXY,
    sessionTtlMs: e.XIAOBAO_SESSION_TTL_HOURS * 3600_000,
    loginMaxFailures: e.XIAOBAO_LOGIN_MAX_FAILURES,
    loginLockMs: e.XIAOBAO_LOGIN_LOCK_MINUTES * 60_000,
    rateLimitPerMinute: e.XIAOBAO_RATE_LIMIT_PER_MINUTE,
    loginRatePerMinute: e.XIAOBAO_LOGIN_RATE_PER_MINUTE,
    bodyLimitBytes: e.XIAOBAO_BODY_LIMIT_BYTES,
    secureCookies: publicUrl.startsWith('https://'),
    smtpFrom: e.XIAOBAO_SMTP_FROM,
    feedTimeoutMs: e.XIAOBAO_FEED_TIMEOUT_MS,
    sharedDataDir: resolve(e.XIAOBAO_SHARED_DATA ?? DEFAULT_SHARED_DATA),
    demoSize: e.XIAOBAO_DEMO_SIZE,
    demoReplay: e.XIAOBAO_DEMO_REPLAY === 'on',
    demoPostsPerSource: e.XIAOBAO_DEMO_POSTS_PER_SOURCE,
    smsGateway: e.XIAOBAO_SMS_GATEWAY_URL
      ? { url: e.XIAOBAO_SMS_GATEWAY_URL, ...(e.XIAOBAO_SMS_GATEWAY_KEY ? { apiKey: e.XIAOBAO_SMS_GATEWAY_KEY } : {}) }
      : undefined,
    wechatOa: wechatOf(e),
    demoCustomers: e.XIAOBAO_DEMO_CUSTOMERS,
    ...overrides,
  };
  return Object.freeze(config);
};
