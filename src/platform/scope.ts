import type { ExpressionBuilder } from 'kysely';
import type { Actor } from '../kernel/actor.ts';
import { AppError } from '../kernel/errors.ts';

/**
 * Data scope (数据权限): a user sees and changes only records of their org subtree. Every
 * scoped table carries `org_path` (the owning org's materialised path, "/<hq>/<branch>/…/");
 * queries add `inScope(actor)` and use cases call `assertInScope` on loaded records. This is
 * the one place the rule is written.
 */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const isPathInScope = (actor: Actor, orgPath: string): boolean => orgPath.startsWith(actor.orgPath);

export const inScope =
  (actor: Actor, column = 'org_path') =>
  // biome-ignore lint/suspicious/noExplicitAny: works for any table that has an org_path column
  (eb: ExpressionBuilder<any, any>) =>
    eb(eb.ref(column), 'like', `${escapeLike(actor.orgPath)}%`);

/** Out-of-scope records are reported as not found, so their existence does not leak. */
export const assertInScope = (actor: Actor, record: { org_path: string } | undefined | null): void => {
  if (!record || !isPathInScope(actor, record.org_path)) throw new AppError('OUT_OF_SCOPE');
};
