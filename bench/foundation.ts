import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchTarget } from './run.ts';
import { percentile, startServerProcess } from './server-process.ts';

/**
 * coldStartMs: process spawn → /readyz on an existing, already-seeded data directory.
 * idleRssMb: resident memory of the server after it has been idle for 3 s.
 * loginP50Ms / loginP99Ms: full sign-in (argon2id verify + session write) with 50 concurrent
 * clients on loopback, 1,000 sign-ins in all.
 */
const CLIENTS = 50;
const LOGINS = 1000;

export const run = async (target: BenchTarget) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xb-bench-'));
  const env = {
    XIAOBAO_DATA_DIR: dataDir,
    DATABASE_URL: target.databaseUrl ?? '',
    XIAOBAO_LOGIN_RATE_PER_MINUTE: '100000',
    XIAOBAO_RATE_LIMIT_PER_MINUTE: '100000',
  };
  try {
    console.error('[foundation] first start (creates and seeds the database)');
    const first = await startServerProcess(env);
    await first.stop();

    console.error('[foundation] cold start on the existing data');
    const colds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await startServerProcess(env);
      colds.push(s.readyMs);
      if (i < 2) await s.stop();
      else {
        await new Promise((r) => setTimeout(r, 3000));
        const idleRssMb = s.rssMb();
        console.error(`[foundation] ${LOGINS} logins, ${CLIENTS} concurrent`);
        const latencies: number[] = [];
        let next = 0;
        const t0 = performance.now();
        const client = async () => {
          while (next < LOGINS) {
            next++;
            const t = performance.now();
            const res = await fetch(`${s.base}/api/v1/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ username: 'handler01', password: 'Xiaobao@2026' }),
            });
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
            latencies.push(performance.now() - t);
          }
        };
        await Promise.all(Array.from({ length: CLIENTS }, client));
        const wall = performance.now() - t0;
        await s.stop();
        latencies.sort((a, b) => a - b);
        colds.sort((a, b) => a - b);
        return {
          coldStartMs: Math.round(colds[1] ?? Number.NaN),
          idleRssMb: Math.round(idleRssMb),
          loginP50Ms: Math.round(percentile(latencies, 50)),
          loginP99Ms: Math.round(percentile(latencies, 99)),
          loginsPerSecond: Math.round((LOGINS / wall) * 1000),
        };
      }
    }
    throw new Error('unreachable');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};
