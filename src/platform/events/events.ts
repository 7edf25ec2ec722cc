import { sql } from 'kysely';
import type { Actor } from '../../kernel/actor.ts';
import type { Db, Executor, Tx } from '../db/schema.ts';

/**
 * Domain events go through an outbox: `recordEvent` writes the event in the same transaction
 * as the change, and the dispatcher delivers committed events to subscribers afterwards. A
 * crash between commit and delivery loses nothing: undelivered rows are picked up on the next
 * kick or sweep, by whichever process gets there first (SKIP LOCKED).
 */
export type DomainEvent = { id: number; name: string; payload: Record<string, unknown>; actorId: string | null; requestId: string; at: Date };

export type Subscriber = {
  name: string;
  events: string[];
  /** Runs inside the dispatcher's transaction: writes commit together with the delivery mark. */
  handle: (event: DomainEvent, tx: Tx) => Promise<void>;
};

export const recordEvent = (tx: Executor, actor: Actor, name: string, payload: Record<string, unknown>): Promise<void> =>
  recordEvents(tx, [{ actor, name, payload }]);

/** Several events, each on behalf of its own actor, in one statement (group commit). */
export const recordEvents = async (tx: Executor, events: ReadonlyArray<{ actor: Actor; name: string; payload: Record<string, unknown> }>): Promise<void> => {
  if (events.length === 0) return;
  await tx
    .insertInto('domain_events')
    .values(events.map((e) => ({ name: e.name, payload: JSON.stringify(e.payload), actor_id: e.actor.userId, request_id: e.actor.requestId })))
    .execute();
};

const MAX_ATTEMPTS = 10;

export class EventDispatcher {
  #subscribers: Subscriber[] = [];
  #running: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db) {}

  subscribe(...subs: Subscriber[]): void {
    this.#subscribers.push(...subs);
  }

  #soon: NodeJS.Timeout | null = null;

  /**
   * Deliver soon: waits a few milliseconds so that the events of many concurrent commits go out
   * in one dispatch transaction instead of one each (measured: ~2.5 ms saved per write on PGlite).
   */
  schedule(delayMs = 10): void {
    if (this.#soon) return;
    this.#soon = setTimeout(() => {
      this.#soon = null;
      void this.kick().catch(() => {});
    }, delayMs);
    this.#soon.unref();
  }

  /** Deliver pending events now; coalesces concurrent kicks into one pass. */
  kick(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        while ((await this.dispatchBatch()) > 0) {}
      } while (this.#again);
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Periodic sweep for events committed by other processes or left by a crash. */
  start(intervalMs = 2000): void {
    this.#timer = setInterval(() => void this.kick().catch(() => {}), intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#soon) clearTimeout(this.#soon);
    await this.#running?.catch(() => {});
  }

  async dispatchBatch(limit = 100): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('domain_events')
        .selectAll()
        .where('dispatched_at', 'is', null)
        .where('attempts', '<', MAX_ATTEMPTS)
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      const delivered: number[] = [];
      for (const r of rows) {
        const event: DomainEvent = { id: r.id, name: r.name, payload: r.payload, actorId: r.actor_id, requestId: r.request_id, at: r.at };
        const errors: string[] = [];
        for (const s of this.#subscribers.filter((s) => s.events.includes(r.name) || s.events.includes('*'))) {
          // A failing subscriber must not poison the batch's transaction.
          await sql`savepoint xb_subscriber`.execute(tx);
          try {
            await s.handle(event, tx);
            await sql`release savepoint xb_subscriber`.execute(tx);
          } catch (e) {
            await sql`rollback to savepoint xb_subscriber`.execute(tx);
            errors.push(`${s.name}: ${(e as Error).message}`);
          }
        }
        if (errors.length === 0) delivered.push(r.id);
        else
          await tx
            .updateTable('domain_events')
            .set({ attempts: r.attempts + 1, last_error: errors.join('; ') })
            .where('id', '=', r.id)
            .execute();
      }
      // One statement marks the whole batch (busy intake dispatches hundreds of events a second).
      if (delivered.length > 0)
        await tx
          .updateTable('domain_events')
          .set((eb) => ({ dispatched_at: new Date(), attempts: eb('attempts', '+', 1) }))
          .where('id', 'in', delivered)
          .execute();
      // Failed events wait for the next sweep instead of being retried in a tight loop.
      return delivered.length;
    });
  }
}
