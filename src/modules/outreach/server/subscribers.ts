import type { Subscriber } from '../../../platform/events/events.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { isValidMobile, normalizeMobile } from '../contract.ts';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/**
 * Keeps customer behaviour from other modules' events (the contract of this round). Events without
 * a valid mobile cannot be tied to a customer and are ignored. (source_event_id, kind) is unique,
 * so a redelivered event is stored once.
 */
export const outreachSubscribers = (_deps: ModuleDeps): Subscriber[] => [
  {
    name: 'outreach.behaviour',
    events: ['campaigns.attendance_recorded', 'education.attempt_submitted', 'education.course_completed', 'complaint.registered'],
    handle: async (event, tx) => {
      const p = event.payload;
      const mobile = normalizeMobile(str(p.phone));
      if (!isValidMobile(mobile)) return;
      const row = (() => {
        switch (event.name) {
          case 'campaigns.attendance_recorded':
            return {
              kind: 'attended' as const,
              ref_id: str(p.eventId),
              ref_title: str(p.eventTitle),
              score: null,
              category: null,
              at: str(p.checkedInAt) || event.at,
            };
          case 'education.attempt_submitted':
            return {
              kind: 'quiz_scored' as const,
              ref_id: str(p.quizId),
              ref_title: str(p.quizTitle),
              score: Number(p.score ?? 0),
              category: null,
              at: event.at,
            };
          case 'education.course_completed':
            return { kind: 'course_completed' as const, ref_id: str(p.courseId), ref_title: str(p.courseTitle), score: null, category: null, at: event.at };
          default:
            return {
              kind: 'complained' as const,
              ref_id: str(p.complaintId),
              ref_title: str(p.businessCategory),
              score: null,
              category: p.businessCategory ? str(p.businessCategory) : null,
              at: event.at,
            };
        }
      })();
      await tx
        .insertInto('outreach_behaviours')
        .values({ ...row, mobile, source_event_id: event.id })
        .onConflict((oc) => oc.columns(['source_event_id', 'kind']).doNothing())
        .execute();
    },
  },
  {
    name: 'outreach.event-invites',
    events: ['campaigns.event_published'],
    handle: async (event, tx) => {
      const p = event.payload;
      const values = {
        campaign_id: str(p.campaignId),
        title: str(p.title),
        starts_at: str(p.startsAt) || event.at,
        venue_name: str(p.venueName),
        org_id: str(p.orgId),
        org_path: str(p.orgPath) || '/',
        public_path: str(p.publicPath) || `/portal/events/${str(p.eventId)}`,
      };
      await tx
        .insertInto('outreach_event_invites')
        .values({ event_id: str(p.eventId), ...values })
        .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
        .execute();
    },
  },
];
