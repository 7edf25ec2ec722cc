import { type TOrgNode, ZOrgType } from '../contract.ts';

export type OrgTreeItem = { key: string; value: string; title: string; org: TOrgNode; children: OrgTreeItem[] };

const typeRank = new Map(ZOrgType.options.map((type, i) => [type, i]));
const byTypeThenCode = (a: OrgTreeItem, b: OrgTreeItem) =>
  (typeRank.get(a.org.type) ?? 0) - (typeRank.get(b.org.type) ?? 0) || a.org.code.localeCompare(b.org.code);

/**
 * Turns the flat, scope-limited list into a forest. A node whose parent lies outside the
 * caller's scope becomes a root, so a branch user sees their branch at the top.
 */
export const buildOrgTree = (orgs: readonly TOrgNode[]): OrgTreeItem[] => {
  const items = new Map(orgs.map((org) => [org.id, { key: org.id, value: org.id, title: org.name, org, children: [] } as OrgTreeItem]));
  const roots: OrgTreeItem[] = [];
  for (const item of items.values()) {
    const parent = item.org.parentId ? items.get(item.org.parentId) : undefined;
    (parent ? parent.children : roots).push(item);
  }
  const sort = (list: OrgTreeItem[]) => {
    list.sort(byTypeThenCode);
    for (const item of list) sort(item.children);
  };
  sort(roots);
  return roots;
};

/** Keeps nodes that match and the ancestors leading to them. */
export const filterOrgTree = (tree: OrgTreeItem[], text: string): OrgTreeItem[] => {
  const needle = text.trim().toLowerCase();
  if (!needle) return tree;
  return tree.flatMap((item) => {
    const children = filterOrgTree(item.children, text);
    const hit = item.org.name.toLowerCase().includes(needle) || item.org.code.toLowerCase().includes(needle);
    return hit || children.length ? [{ ...item, children: hit && !children.length ? item.children : children }] : [];
  });
};
