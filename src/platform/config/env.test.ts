import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('configuration', () => {
  it('generates the session secret once and keeps it in the data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xb-cfg-'));
    const a = loadConfig({ XIAOBAO_DATA_DIR: dir });
    const b = loadConfig({ XIAOBAO_DATA_DIR: dir });
    expect(a.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(b.sessionSecret).toBe(a.sessionSecret);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(a.sessionSecret);
  });

  it('names the variable and the reason when a value is invalid', () => {
    expect(() => loadConfig({ XIAOBAO_PORT: '99999' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => loadConfig({ XIAOBAO_SESSION_SECRET: 'short' })).toThrow(/XIAOBAO_SESSION_SECRET/);
  });

  it('uses secure cookies only behind an https public URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xb-cfg-'));
    expect(loadConfig({ XIAOBAO_DATA_DIR: dir }).secureCookies).toBe(false);
    expect(loadConfig({ XIAOBAO_DATA_DIR: dir, XIAOBAO_PUBLIC_URL: 'https://xb.bank.example' }).secureCookies).toBe(true);
  });
});

describe('monitoring settings', () => {
  it('have defaults, parse numbers and refuse bad values naming the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xb-cfg-'));
    const d = loadConfig({ XIAOBAO_DATA_DIR: dir });
    expect(d).toMatchObject({ smtpFrom: 'xiaobao@localhost', feedTimeoutMs: 10_000, demoSize: 'full', demoReplay: true, demoPostsPerSource: 300 });
    expect(d.sharedDataDir).toMatch(/shared[/\\]data$/);
    const c = loadConfig({
      XIAOBAO_DATA_DIR: dir,
      XIAOBAO_FEED_TIMEOUT_MS: '2500',
      XIAOBAO_DEMO_REPLAY: 'off',
      XIAOBAO_DEMO_POSTS_PER_SOURCE: '60',
      XIAOBAO_DEMO_SIZE: 'test',
      XIAOBAO_SHARED_DATA: '/srv/data',
    });
    expect(c).toMatchObject({ feedTimeoutMs: 2500, demoReplay: false, demoPostsPerSource: 60, demoSize: 'test', sharedDataDir: '/srv/data' });
    expect(() => loadConfig({ XIAOBAO_DATA_DIR: dir, XIAOBAO_FEED_TIMEOUT_MS: 'soon' })).toThrow(/XIAOBAO_FEED_TIMEOUT_MS/);
    expect(() => loadConfig({ XIAOBAO_DATA_DIR: dir, XIAOBAO_DEMO_REPLAY: 'maybe' })).toThrow(/XIAOBAO_DEMO_REPLAY/);
    expect(() => loadConfig({ XIAOBAO_DATA_DIR: dir, XIAOBAO_DEMO_POSTS_PER_SOURCE: '-1' })).toThrow(/XIAOBAO_DEMO_POSTS_PER_SOURCE/);
  });
});

describe('outreach channel settings', () => {
  it('take the SMS gateway and WeChat OA from the environment, WeChat all-or-none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xb-cfg-'));
    const none = loadConfig({ XIAOBAO_DATA_DIR: dir });
    expect(none).toMatchObject({ smsGateway: undefined, wechatOa: undefined, demoCustomers: 3000 });
    const c = loadConfig({
      XIAOBAO_DATA_DIR: dir,
      XIAOBAO_SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms',
      XIAOBAO_SMS_GATEWAY_KEY: 'k-1',
      XIAOBAO_WECHAT_API_BASE: 'https://api.weixin.qq.com',
      XIAOBAO_WECHAT_APPID: 'wx123',
      XIAOBAO_WECHAT_SECRET: 's',
      XIAOBAO_WECHAT_TEMPLATE_ID: 't',
      XIAOBAO_DEMO_CUSTOMERS: '500',
    });
    expect(c.smsGateway).toEqual({ url: 'http://127.0.0.1:9/sms', apiKey: 'k-1' });
    expect(c.wechatOa).toEqual({ apiBase: 'https://api.weixin.qq.com', appId: 'wx123', secret: 's', templateId: 't' });
    expect(c.demoCustomers).toBe(500);
    expect(() => loadConfig({ XIAOBAO_DATA_DIR: dir, XIAOBAO_WECHAT_APPID: 'wx123' })).toThrow(/XIAOBAO_WECHAT_/);
    expect(() => loadConfig({ XIAOBAO_DATA_DIR: dir, XIAOBAO_SMS_GATEWAY_URL: 'ftp://x' })).toThrow(/XIAOBAO_SMS_GATEWAY_URL/);
  });
});
