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
