import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { UnitOfWork } from '../../../../platform/db/unit-of-work.ts';
import type { OrgType } from '../db/tables.ts';
import { IDENTITY_PERMISSIONS } from '../policy.ts';

export type CreateOrgInput = { code: string; name: string; nameEn?: string; type: OrgType; parentId: string | null; address?: string; sort?: number };

const PARENT_TYPES: Record<OrgType, (OrgType | null)[]> = {
  head_office: [null],
  branch: ['head_office'],
  sub_branch: ['branch'],
  outlet: ['sub_branch', 'branch'],
  department: ['head_office', 'branch', 'sub_branch'],
};

/** Adds an org under its parent, keeping the hierarchy 总行 → 分行 → 支行 → 网点 (departments beside). */
export const createOrg = async ({ tx, actor, audit }: UnitOfWork & { actor: Actor }, input: CreateOrgInput): Promise<{ id: string; path: string }> => {
  requirePermission(actor, IDENTITY_PERMISSIONS.userManage);
  const parent = input.parentId ? await tx.selectFrom('orgs').select(['id', 'path', 'type']).where('id', '=', input.parentId).executeTakeFirst() : null;
  if (input.parentId && !parent) throw new AppError('VALIDATION_FAILED', [{ field: 'parentId', issue: 'unknown_org' }]);
  if (!PARENT_TYPES[input.type].includes(parent?.type ?? null)) throw new AppError('VALIDATION_FAILED', [{ field: 'type', issue: 'invalid_parent_type' }]);
  const id = newId();
  const path = `${parent?.path ?? '/'}${id}/`;
  const row = {
    id,
    code: input.code,
    name: input.name,
    name_en: input.nameEn ?? null,
    type: input.type,
    parent_id: parent?.id ?? null,
    path,
    sort: input.sort ?? 0,
    address: input.address ?? null,
  };
  await tx.insertInto('orgs').values(row).execute();
  await audit({ action: 'org.created', targetType: 'org', targetId: id, after: row });
  return { id, path };
};
