/**
 * Spike test (Socialmetrix / Meltwater style): the last hour's count against the mean + k·σ of
 * the trailing hourly counts (7 × 24 buckets by default, zeros included), and at least `minCount`.
 */
export type SpikeResult = { isSpike: boolean; count: number; mean: number; sd: number; threshold: number; strength: number };

export const detectSpike = (history: readonly number[], current: number, k: number, minCount: number): SpikeResult => {
  const n = history.length || 1;
  const mean = history.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(history.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
  const threshold = Math.max(minCount, mean + k * sd);
  // Strength in standard deviations (SentiOne's "anomaly strength"); a flat zero history has σ = 0.
  const strength = sd > 0 ? (current - mean) / sd : current > mean ? Number.POSITIVE_INFINITY : 0;
  return { isSpike: current >= threshold && current > mean, count: current, mean, sd, threshold, strength: Number.isFinite(strength) ? strength : 99 };
};

/** Zero-filled hourly buckets for the `hours` full hours before `windowStart`. */
export const hourlyHistory = (rows: readonly { hour: Date; n: number }[], windowStart: Date, hours: number): number[] => {
  const out = new Array<number>(hours).fill(0);
  const start = windowStart.getTime() - hours * 3600_000;
  for (const r of rows) {
    const i = Math.floor((r.hour.getTime() - start) / 3600_000);
    if (i >= 0 && i < hours) out[i] = (out[i] as number) + r.n;
  }
  return out;
};
