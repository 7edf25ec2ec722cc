import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/platform/db/client.ts';

/** The operator's CLI against a real embedded data directory. */
const BIN = fileURLToPath(new URL('../../bin/xiaobao.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'xb-cli-'));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, XIAOBAO_DATA_DIR: dataDir, DATABASE_URL: '', XIAOBAO_LOG_LEVEL: 'silent', XIAOBAO_DEMO_COMPLAINTS: '50' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('xiaobao CLI', () => {
  it('seeds, adds a user, verifies, detects tampering, backs up and restores', async () => {
    expect(run('seed', '--demo')).toMatchObject({ code: 0 });
    const added = run('user', 'add', '--username', 'ops.night', '--name', '夜班值守', '--org', 'CC-OPS', '--role', 'frontline_staff');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/initial password: \S{10,}/);
    expect(run('user', 'add', '--username', 'x.y', '--name', 'n', '--org', 'CC', '--role', 'king').out).toContain('unknown role');

    const ok = run('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/audit chain intact: \d+ records/);

    const backup = join(dataDir, 'backup.tar.gz');
    expect(run('backup', backup).code).toBe(0);
    expect(existsSync(backup)).toBe(true);

    const h = await openPglite(join(dataDir, 'pgdata'));
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(h.db);
    await sql`update audit_log set actor_name = 'someone-else' where seq = 5`.execute(h.db);
    await h.close();
    const broken = run('audit', 'verify');
    expect(broken.code).toBe(3);
    expect(broken.out).toContain('BROKEN at seq 5 (content_altered)');

    const restored = run('restore', backup);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('previous data kept at');
    expect(run('audit', 'verify').code).toBe(0);
  }, 300_000);

  it('stops with one clear line on an invalid setting', () => {
    const r = spawnSync(process.execPath, [BIN, 'migrate'], { env: { ...process.env, XIAOBAO_PORT: 'eighty' }, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('XIAOBAO_PORT');
  });
});
