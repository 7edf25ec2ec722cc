import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export type RequestState<T> = { data: T | undefined; error: unknown; loading: boolean; reload: () => void };

/**
 * Runs `load` when `deps` change and exposes its result. Answers that arrive after a newer
 * request started (or after unmount) are dropped, so quick filter changes cannot race.
 */
export const useRequest = <T>(load: () => Promise<T>, deps: DependencyList): RequestState<T> => {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps define when to reload.
  useEffect(() => {
    const id = ++latest.current;
    setLoading(true);
    load().then(
      (value) => {
        if (id !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (id !== latest.current) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => {
      latest.current++;
    };
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
};
