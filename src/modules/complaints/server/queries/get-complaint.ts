import type { Actor } from '../../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { mask } from '../../../../platform/pii/mask.ts';
import { orgNames } from '../../../identity/index.ts';
import { classifyComplaint } from '../../../nlp/index.ts';
import type { TComplaintDetail } from '../../contract.ts';
import { clockEventsOf, loadCase, loadCaseFacts } from '../complaint-store.ts';
import { computeClock } from '../domain/clock.ts';
import { complaintActions } from '../policy.ts';
import { presentSummary } from './present.ts';

const suggest = (row: { business_category: string | null; cause: string | null; title: string; facts: string; request: string }) => {
  if (row.business_category && row.cause) return null;
  const r = classifyComplaint(`${row.title}。${row.facts}。${row.request}`);
  return { businessCategory: r.businessCategory, cause: r.cause, confidence: r.confidence, needsHuman: r.needsHuman };
};

/** The case page: facts, parties (masked), the live clock, the timeline and what the actor may do next. */
export const getComplaint = async (deps: ModuleDeps, actor: Actor, id: string): Promise<TComplaintDetail> => {
  const db = deps.db;
  const now = deps.clock.now();
  const row = await loadCase(db, actor, id, false);
  const facts = await loadCaseFacts(db, row, now);
  const clock = computeClock(await clockEventsOf(db, id), now);
  const events = await db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', id).orderBy('id').execute();
  const notices = await db.selectFrom('complaint_notices').selectAll().where('complaint_id', '=', id).orderBy('sent_at').execute();
  const attachments = await db
    .selectFrom('complaint_attachments')
    .select(['id', 'name', 'mime', 'size', 'created_at'])
    .where('complaint_id', '=', id)
    .orderBy('created_at')
    .execute();
  const pending = await db.selectFrom('complaint_requests').selectAll().where('complaint_id', '=', id).where('status', '=', 'pending').execute();
  const names = await orgNames(db, [row.org_id, row.receiving_org_id]);
  const ho = pending.find((p) => p.kind === 'handover');
  const ext = pending.find((p) => p.kind === 'extension');
  return {
    ...presentSummary({ ...row, deadline: clock.deadline, stage: clock.stage }, names.get(row.org_id) ?? ''),
    regulatorTicket: row.regulator_ticket,
    facts: row.facts,
    request: row.request,
    party: row.party,
    idNumberMasked: mask('idNumber', row.id_number),
    groupSize: row.group_size,
    receivingOrgName: names.get(row.receiving_org_id) ?? '',
    firstResponderName: row.first_responder_name,
    decision: row.decision,
    rootCause: row.root_cause,
    rectification: row.rectification,
    clock: { ...clock, deadlineAt: undefined } as unknown as TComplaintDetail['clock'],
    timeline: events.map((e) => ({ id: e.id, at: e.at.toISOString(), type: e.type, actorName: e.actor_name, data: e.data })),
    pendingHandover: ho ? { id: ho.id, toName: String(ho.data.toName ?? ''), reason: String(ho.data.reason ?? '') } : null,
    pendingExtension: ext ? { id: ext.id, limitDays: Number(ext.data.limitDays), reason: String(ext.data.reason ?? '') } : null,
    notices: notices.map((n) => ({ id: n.id, kind: n.kind, method: n.method, sentAt: n.sent_at.toISOString(), evidence: n.evidence, inTime: n.in_time })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, createdAt: a.created_at.toISOString() })),
    allowedActions: complaintActions(actor, facts),
    suggestedCoding: suggest(row),
  };
};
