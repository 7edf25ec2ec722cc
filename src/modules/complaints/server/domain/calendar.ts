/**
 * Calendar days in Asia/Shanghai (UTC+8 all year; no daylight saving since 1991), as
 * `YYYY-MM-DD` strings. Complaint clocks count calendar days (办法 Art 43).
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export type IsoDate = string;

export const shanghaiDate = (at: Date): IsoDate => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

export const addDays = (d: IsoDate, n: number): IsoDate => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Whole calendar days from a to b (b − a); negative when b is earlier. */
export const daysBetween = (a: IsoDate, b: IsoDate): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** The last instant of a Shanghai calendar day (24:00 local), as a UTC Date. */
export const endOfShanghaiDay = (d: IsoDate): Date => new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS - OFFSET_MS - 1);
