import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchTarget } from './run.ts';
import { percentile, startServerProcess } from './server-process.ts';

/**
 * A synchronized quiz start: BENCH_TAKERS (default 2,000) customers on loopback start the demo quiz
 * at the same moment, save all their answers once and submit. startP99Ms / submitP99Ms are the
 * 99th-percentile latencies of the start and submit calls; errors counts any non-2xx or failed call.
 */
const TAKERS = Number(process.env.BENCH_TAKERS ?? 2000);

export const run = async (target: BenchTarget) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xb-bench-q-'));
  const s = await startServerProcess({
    XIAOBAO_DATA_DIR: dataDir,
    DATABASE_URL: target.databaseUrl ?? '',
    XIAOBAO_DEMO_COMPLAINTS: '0',
    XIAOBAO_RATE_LIMIT_PER_MINUTE: '10000000',
  });
  try {
    const quizzes = (await (await fetch(`${s.base}/api/v1/public/edu/quizzes`)).json()) as { items: { id: string }[] };
    const quizId = quizzes.items[0]?.id;
    if (!quizId) throw new Error('no open demo quiz');
    const starts: number[] = [];
    const submits: number[] = [];
    let errors = 0;
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, s.rssMb());
    }, 200);
    const call = async (method: string, path: string, body: unknown) => {
      const res = await fetch(`${s.base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
      return json;
    };
    const taker = async (i: number) => {
      const deviceId = `bench-taker-${String(i).padStart(8, '0')}`;
      try {
        let t0 = performance.now();
        const a = (await call('POST', `/api/v1/public/edu/quizzes/${quizId}/attempts`, { deviceId, nickname: `压测${i}` })) as {
          id: string;
          questions: { id: string; type: string }[];
        };
        starts.push(performance.now() - t0);
        const answers = Object.fromEntries(a.questions.map((q) => [q.id, q.type === 'fill' ? ['96110'] : q.type === 'truefalse' ? ['T'] : ['A']]));
        await call('PUT', `/api/v1/public/edu/attempts/${a.id}/answers`, { deviceId, answers });
        t0 = performance.now();
        await call('POST', `/api/v1/public/edu/attempts/${a.id}/submit`, { deviceId });
        submits.push(performance.now() - t0);
      } catch (e) {
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        if (errors++ < 3) console.error(`[quiz] ${(e as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`);
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: TAKERS }, (_, i) => taker(i)));
    const totalMs = performance.now() - t0;
    clearInterval(sampler);
    starts.sort((x, y) => x - y);
    submits.sort((x, y) => x - y);
    return {
      takers: TAKERS,
      errors,
      startP99Ms: Math.round(percentile(starts, 99)),
      submitP99Ms: Math.round(percentile(submits, 99)),
      totalSec: Math.round(totalMs / 100) / 10,
      rssMb: Math.round(Math.max(peakRss, s.rssMb())),
    };
  } finally {
    await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
