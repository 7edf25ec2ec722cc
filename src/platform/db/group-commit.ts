/**
 * Group commit: concurrent requests that each need a small write are collected for a moment and
 * written by one transaction, so a commit (and the statements around it) is paid once per group
 * instead of once per request. Each caller's promise settles only after its group's outcome is
 * known, so a 201 is never sent for a write that did not commit.
 *
 * `write(items)` returns one outcome per item (a value or an Error for an item refused on its
 * own). If it throws, the group is split and every item is written alone, so one bad item cannot
 * fail its neighbours.
 */
export type GroupCommitOptions<I, O> = {
  write: (items: I[]) => Promise<(O | Error)[]>;
  /** How long the first item of an idle committer waits for company. */
  lingerMs?: number;
  maxBatch?: number;
};

export type GroupCommitter<I, O> = { submit: (item: I) => Promise<O>; drain: () => Promise<void> };

type Pending<I, O> = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };

export const createGroupCommitter = <I, O>({ write, lingerMs = 2, maxBatch = 64 }: GroupCommitOptions<I, O>): GroupCommitter<I, O> => {
  let queue: Pending<I, O>[] = [];
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const settle = (group: Pending<I, O>[], outcomes: (O | Error)[]) => {
    group.forEach((p, i) => {
      const o = outcomes[i];
      if (o instanceof Error) p.reject(o);
      else if (o === undefined) p.reject(new Error('group commit: no outcome for item'));
      else p.resolve(o);
    });
  };

  const writeGroup = async (group: Pending<I, O>[]) => {
    try {
      settle(group, await write(group.map((p) => p.item)));
    } catch (e) {
      if (group.length === 1) {
        group[0]?.reject(e);
        return;
      }
      for (const p of group) {
        try {
          settle([p], await write([p.item]));
        } catch (e1) {
          p.reject(e1);
        }
      }
    }
  };

  // One group at a time per process: while it is written, the next one fills up.
  const flush = () => {
    timer = null;
    if (running || queue.length === 0) return;
    running = (async () => {
      while (queue.length > 0) {
        const group = queue.slice(0, maxBatch);
        queue = queue.slice(group.length);
        await writeGroup(group);
      }
    })().finally(() => {
      running = null;
      // An item submitted between the last check and here would otherwise wait for the next one.
      if (queue.length > 0 && !timer) flush();
    });
  };

  return {
    submit: (item) =>
      new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running || timer) return;
        if (queue.length >= maxBatch) flush();
        else timer = setTimeout(flush, lingerMs);
      }),
    drain: async () => {
      if (timer) {
        clearTimeout(timer);
        flush();
      }
      while (running) await running;
    },
  };
};
