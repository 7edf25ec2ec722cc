import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemActor } from '../../src/kernel/actor.ts';
import { inTransaction } from '../../src/platform/db/unit-of-work.ts';
import { defineJob, JobQueue } from '../../src/platform/jobs/jobs.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';

const waitFor = async (check: () => boolean, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.each(testDialects())('the database job queue and the event outbox on %s', (dialect) => {
  let t: TestApp;
  let queue: JobQueue;
  const seen: string[] = [];
  let failuresLeft = 2;
  const echo = defineJob({ name: 'test.echo', payload: z.object({ text: z.string() }), handler: async (p) => void seen.push(p.text) });
  const flaky = defineJob({
    name: 'test.flaky',
    payload: z.object({ text: z.string() }),
    retryLimit: 5,
    retryDelaySeconds: 1,
    handler: async (p) => {
      if (failuresLeft-- > 0) throw new Error('transient');
      seen.push(p.text);
    },
  });

  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false });
    queue = new JobQueue(t.rt.handle, 'pgboss');
    queue.register(echo as never, flaky as never);
    await queue.start(true);
  });
  afterAll(async () => {
    await queue?.stop();
    await t?.close();
  });

  it('runs a sent job on a worker', async () => {
    await queue.send(echo, { text: '你好' });
    await waitFor(() => seen.includes('你好'));
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    await queue.send(flaky, { text: 'after-retries' });
    await waitFor(() => seen.includes('after-retries'), 40_000);
    expect(failuresLeft).toBe(-1);
  });

  it('enqueues inside the caller transaction: a rolled-back change leaves no job', async () => {
    const deps = t.rt.deps;
    await expect(
      inTransaction(deps, systemActor('t'), async ({ tx }) => {
        await queue.send(echo, { text: 'rolled-back' }, { tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await inTransaction(deps, systemActor('t'), async ({ tx }) => {
      await queue.send(echo, { text: 'committed' }, { tx });
    });
    await waitFor(() => seen.includes('committed'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).not.toContain('rolled-back');
  });

  it('rejects a payload that does not match the job contract before it is queued', async () => {
    await expect(queue.send(echo, { text: 1 } as never)).rejects.toThrow();
  });

  it('delivers outbox events after commit, never for a rolled-back transaction, and retries failing subscribers', async () => {
    // The runtime's own dispatcher (its periodic sweep would otherwise deliver the event first).
    const dispatcher = t.rt.deps.dispatcher;
    const got: string[] = [];
    let fail = true;
    dispatcher.subscribe({ name: 'recorder', events: ['test.happened'], handle: async (e) => void got.push(String(e.payload.n)) });
    dispatcher.subscribe({
      name: 'flaky',
      events: ['test.happened'],
      handle: async () => {
        if (fail) throw new Error('down');
      },
    });
    const platform = { db: t.rt.handle.db, dispatcher };
    await inTransaction(platform, systemActor('t'), ({ emit }) => emit('test.happened', { n: 1 }));
    await expect(
      inTransaction(platform, systemActor('t'), async ({ emit }) => {
        await emit('test.happened', { n: 2 });
        throw new Error('abort');
      }),
    ).rejects.toThrow();
    await dispatcher.kick();
    const row = await t.rt.handle.db.selectFrom('domain_events').selectAll().where('name', '=', 'test.happened').executeTakeFirstOrThrow();
    expect(row.dispatched_at).toBeNull();
    expect(row.last_error).toContain('flaky: down');
    fail = false;
    await dispatcher.kick();
    const again = await t.rt.handle.db.selectFrom('domain_events').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(again.dispatched_at).not.toBeNull();
    expect(got).toContain('1');
    expect(got).not.toContain('2');
  });
});
