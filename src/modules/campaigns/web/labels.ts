import type { TGoals } from '../contract.ts';

type Label = { zh: string; en: string };
export const GOAL_LABELS: Record<keyof TGoals, Label> = {
  reach: { zh: '触达人数', en: 'Reach' },
  attendance: { zh: '到场人数', en: 'Attendance' },
  quizParticipation: { zh: '答题参与', en: 'Quiz participation' },
};

/** Local date-time input value (YYYY-MM-DDTHH:mm) → ISO with the China offset. */
export const toIso = (local: string): string => `${local}:00+08:00`;
export const shortTime = (isoString: string): string => new Date(new Date(isoString).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
export const percent = (result: number, goal: number): number => (goal > 0 ? Math.min(100, Math.round((result / goal) * 100)) : 100);
