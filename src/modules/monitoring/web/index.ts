import { AlertOutlined, FundOutlined, ProfileOutlined, SettingOutlined, SoundOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { WebPage } from '../../../web/shell/nav.ts';

/** Opinion-monitoring pages for the shell menu; each loads on first visit. */
export const monitoringPages: WebPage[] = [
  {
    path: 'opinion',
    labelKey: 'nav.opinion',
    icon: FundOutlined,
    permission: 'opinion.read',
    testId: 'nav-opinion',
    component: lazy(() => import('./dashboard-page.tsx').then((m) => ({ default: m.DashboardPage }))),
  },
  {
    path: 'opinion/alerts',
    labelKey: 'nav.opinionAlerts',
    icon: AlertOutlined,
    permission: 'opinion.read',
    testId: 'nav-opinion-alerts',
    component: lazy(() => import('./alerts-page.tsx').then((m) => ({ default: m.AlertsPage }))),
  },
  {
    path: 'opinion/posts',
    labelKey: 'nav.opinionPosts',
    icon: SoundOutlined,
    permission: 'opinion.read',
    testId: 'nav-opinion-posts',
    component: lazy(() => import('./posts-page.tsx').then((m) => ({ default: m.PostsPage }))),
  },
  {
    path: 'opinion/settings',
    labelKey: 'nav.opinionSettings',
    icon: SettingOutlined,
    permission: 'opinion.manage',
    testId: 'nav-opinion-settings',
    component: lazy(() => import('./settings-page.tsx').then((m) => ({ default: m.SettingsPage }))),
  },
  {
    path: 'opinion/incidents/:id',
    labelKey: 'nav.opinionIncident',
    icon: ProfileOutlined,
    permission: 'opinion.read',
    testId: 'nav-opinion-incident',
    inMenu: false,
    component: lazy(() => import('./incident-page.tsx').then((m) => ({ default: m.IncidentPage }))),
  },
];
