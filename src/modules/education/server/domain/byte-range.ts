/**
 * HTTP byte ranges (RFC 9110 §14) for streaming stored videos: a single range is served as 206;
 * several ranges or another unit are ignored (a full 200 is always allowed); a range that cannot
 * be satisfied — or is malformed, like `bytes=9-3` — is answered 416 with `Content-Range: bytes *\/size`.
 */
export type RangeDecision = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/** Open-ended requests (`bytes=N-`, what <video> sends) get at most this much, so one request never holds a whole file. */
export const OPEN_ENDED_CHUNK = 4 * 1024 * 1024;

export const parseRange = (header: string | undefined, size: number): RangeDecision => {
  if (!header) return { kind: 'full' };
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return { kind: 'full' };
  const specs = (m[1] ?? '').split(',').map((s) => s.trim());
  if (specs.length !== 1) return { kind: 'full' };
  const spec = /^(\d*)-(\d*)$/.exec(specs[0] ?? '');
  if (!spec || (spec[1] === '' && spec[2] === '')) return { kind: 'unsatisfiable' };
  if (size === 0) return { kind: 'unsatisfiable' };
  if (spec[1] === '') {
    // Suffix range: the last N bytes.
    const n = Number(spec[2]);
    if (n === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(spec[1]);
  if (start >= size) return { kind: 'unsatisfiable' };
  if (spec[2] === '') return { kind: 'partial', start, end: Math.min(size - 1, start + OPEN_ENDED_CHUNK - 1) };
  const end = Number(spec[2]);
  if (end < start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
};
