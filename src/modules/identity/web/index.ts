import { ApartmentOutlined, AuditOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebPage } from '../../../web/shell/nav.ts';

/** Identity pages for the shell menu; each loads on first visit. */
export const identityPages: WebPage[] = [
  {
    path: 'orgs',
    labelKey: 'nav.orgs',
    icon: ApartmentOutlined,
    permission: 'org.read',
    testId: 'nav-orgs',
    component: lazy(() => import('./orgs-page.tsx').then((m) => ({ default: m.OrgsPage }))),
  },
  {
    path: 'users',
    labelKey: 'nav.users',
    icon: TeamOutlined,
    permission: 'user.read',
    testId: 'nav-users',
    component: lazy(() => import('./users-page.tsx').then((m) => ({ default: m.UsersPage }))),
  },
  {
    path: 'audit',
    labelKey: 'nav.audit',
    icon: AuditOutlined,
    permission: 'audit.read',
    testId: 'nav-audit',
    component: lazy(() => import('./audit-page.tsx').then((m) => ({ default: m.AuditPage }))),
  },
];
