import { AlertOutlined, NotificationOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { WebPage } from '../../../web/shell/nav.ts';

/** Outreach (触达) staff pages. */
export const outreachPages: WebPage[] = [
  {
    path: 'outreach/customers',
    labelKey: 'nav.outreachCustomers',
    icon: TeamOutlined,
    permission: 'outreach.read',
    testId: 'nav-outreach-customers',
    component: lazy(() => import('./customers-page.tsx').then((m) => ({ default: m.CustomersPage }))),
  },
  {
    path: 'outreach/segments',
    labelKey: 'nav.outreachSegments',
    icon: UsergroupAddOutlined,
    permission: 'outreach.read',
    testId: 'nav-outreach-segments',
    component: lazy(() => import('./segments-page.tsx').then((m) => ({ default: m.SegmentsPage }))),
  },
  {
    path: 'outreach/pushes',
    labelKey: 'nav.outreachPushes',
    icon: NotificationOutlined,
    permission: 'outreach.read',
    testId: 'nav-outreach-pushes',
    component: lazy(() => import('./pushes-page.tsx').then((m) => ({ default: m.PushesPage }))),
  },
  {
    path: 'outreach/alerts',
    labelKey: 'nav.outreachAlerts',
    icon: AlertOutlined,
    permission: 'outreach.read',
    testId: 'nav-outreach-alerts',
    component: lazy(() => import('./risk-alerts-page.tsx').then((m) => ({ default: m.RiskAlertsPage }))),
  },
];

export const outreachPortalRoutes: { path: string; component: LazyExoticComponent<ComponentType> }[] = [
  { path: '/portal/risk-alerts', component: lazy(() => import('./portal-alerts-page.tsx').then((m) => ({ default: m.PortalAlertsPage }))) },
  { path: '/portal/risk-alerts/:id', component: lazy(() => import('./portal-alerts-page.tsx').then((m) => ({ default: m.PortalAlertPage }))) },
  { path: '/portal/unsubscribe', component: lazy(() => import('./portal-alerts-page.tsx').then((m) => ({ default: m.PortalUnsubscribePage }))) },
];
