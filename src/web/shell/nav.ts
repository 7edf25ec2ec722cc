import type { ComponentType, LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n.ts';

/** A page a module contributes to the shell: one route plus, usually, one menu entry. */
export type WebPage = {
  /** Path under the shell root without a leading slash; '' is the home page. */
  path: string;
  labelKey: MessageKey;
  icon: ComponentType;
  /** Without this permission the menu hides the entry and the route answers with the 403 page. */
  permission?: string;
  /** `data-testid` of the menu entry. */
  testId: string;
  /** `false` for a route without a menu entry (e.g. a detail page such as `complaints/:id`). */
  inMenu?: false;
  component: LazyExoticComponent<ComponentType>;
};

export const hrefOf = (page: Pick<WebPage, 'path'>): string => `/${page.path}`;
