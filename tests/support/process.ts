import type { ChildProcess } from 'node:child_process';

/** Polls `/readyz` of a spawned server until it answers, fails fast if the process exits, with its output. */
export const waitUntilReady = async (child: ChildProcess, base: string, timeoutMs: number, output: () => string): Promise<void> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output()}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {}
    if (Date.now() > until) throw new Error(`server did not start: ${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};
