import { BarChartOutlined, FileAddOutlined, ProfileOutlined } from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { WebPage } from '../../../web/shell/nav.ts';

/** Complaint pages for the shell; each loads on first visit. The case page has a route but no menu entry. */
export const complaintPages: WebPage[] = [
  {
    path: 'complaints',
    labelKey: 'nav.complaints',
    icon: ProfileOutlined,
    permission: 'complaint.read',
    testId: 'nav-complaints',
    component: lazy(() => import('./workbench-page.tsx').then((m) => ({ default: m.WorkbenchPage }))),
  },
  {
    path: 'complaints/new',
    labelKey: 'nav.complaintNew',
    icon: FileAddOutlined,
    permission: 'complaint.register',
    testId: 'nav-complaint-new',
    component: lazy(() => import('./register-page.tsx').then((m) => ({ default: m.RegisterPage }))),
  },
  {
    path: 'complaints/stats',
    labelKey: 'nav.complaintStats',
    icon: BarChartOutlined,
    permission: 'complaint.stats',
    testId: 'nav-complaint-stats',
    component: lazy(() => import('./stats-page.tsx').then((m) => ({ default: m.StatsPage }))),
  },
  {
    path: 'complaints/:id',
    labelKey: 'nav.complaints',
    icon: ProfileOutlined,
    permission: 'complaint.read',
    testId: 'nav-complaint-case',
    inMenu: false,
    component: lazy(() => import('./case-page.tsx').then((m) => ({ default: m.CasePage }))),
  },
];

/** Public pages (no login), rendered outside the staff layout. */
export const complaintPortalRoutes: { path: string; component: LazyExoticComponent<ComponentType> }[] = [
  { path: '/portal/complaint', component: lazy(() => import('./portal-file-page.tsx').then((m) => ({ default: m.PortalFilePage }))) },
  { path: '/portal/track', component: lazy(() => import('./portal-track-page.tsx').then((m) => ({ default: m.PortalTrackPage }))) },
];
