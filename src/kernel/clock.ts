/** Time is injected so that use cases and tests agree on "now" (deadlines, lockouts, tokens). */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (start: Date): Clock & { advance(ms: number): void } => {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
};
