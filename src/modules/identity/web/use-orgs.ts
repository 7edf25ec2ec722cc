import { useMemo } from 'react';
import { useRequest } from '../../../web/ui/use-request.ts';
import { orgApi } from './api.ts';
import { buildOrgTree } from './org-tree.ts';

/** The organisations in the caller's scope, flat and as a tree; `enabled` false skips the request. */
export const useOrgs = (enabled = true) => {
  const request = useRequest(async () => (enabled ? orgApi.list() : []), [enabled]);
  const tree = useMemo(() => buildOrgTree(request.data ?? []), [request.data]);
  return { ...request, orgs: request.data ?? [], tree };
};
