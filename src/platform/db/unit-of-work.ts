import type { Actor } from '../../kernel/actor.ts';
import { type AuditEntry, writeAudit, writeAuditRecords } from '../audit/audit.ts';
import { type EventDispatcher, recordEvent, recordEvents } from '../events/events.ts';
import type { Db, Tx } from './schema.ts';

/**
 * Every mutation runs through here: one transaction holding the change, its audit record and
 * its domain events. Events are delivered only after the commit.
 */
export type UnitOfWork = {
  tx: Tx;
  actor: Actor;
  audit: (entry: AuditEntry) => Promise<void>;
  emit: (name: string, payload: Record<string, unknown>) => Promise<void>;
  /** Group commit: one transaction writing for several requests audits and emits on behalf of each. */
  auditAs: (records: ReadonlyArray<{ actor: Actor; entry: AuditEntry }>) => Promise<void>;
  emitAs: (events: ReadonlyArray<{ actor: Actor; name: string; payload: Record<string, unknown> }>) => Promise<void>;
};

export type Platform = { db: Db; dispatcher: EventDispatcher };

export const inTransaction = async <T>(p: Platform, actor: Actor, fn: (uow: UnitOfWork) => Promise<T>): Promise<T> => {
  let emitted = false;
  const result = await p.db.transaction().execute((tx) =>
    fn({
      tx,
      actor,
      audit: (entry) => writeAudit(tx, actor, entry),
      emit: async (name, payload) => {
        emitted = true;
        await recordEvent(tx, actor, name, payload);
      },
      auditAs: (records) => writeAuditRecords(tx, records),
      emitAs: async (events) => {
        emitted ||= events.length > 0;
        await recordEvents(tx, events);
      },
    }),
  );
  if (emitted) p.dispatcher.schedule();
  return result;
};
