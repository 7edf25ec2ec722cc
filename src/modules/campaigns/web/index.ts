import { AimOutlined, CalendarOutlined, HeartOutlined } from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { WebPage } from '../../../web/shell/nav.ts';

/** Campaign (宣传活动) staff pages; detail and door pages have no menu entry. */
export const campaignPages: WebPage[] = [
  {
    path: 'campaigns',
    labelKey: 'nav.campaigns',
    icon: CalendarOutlined,
    permission: 'campaign.read',
    testId: 'nav-campaigns',
    component: lazy(() => import('./campaigns-page.tsx').then((m) => ({ default: m.CampaignsPage }))),
  },
  {
    path: 'campaigns/reach',
    labelKey: 'nav.campaignReach',
    icon: AimOutlined,
    permission: 'campaign.read',
    testId: 'nav-campaign-reach',
    component: lazy(() => import('./reach-page.tsx').then((m) => ({ default: m.ReachPage }))),
  },
  {
    path: 'campaigns/assists',
    labelKey: 'nav.campaignAssists',
    icon: HeartOutlined,
    permission: 'campaign.read',
    testId: 'nav-campaign-assists',
    component: lazy(() => import('./assists-page.tsx').then((m) => ({ default: m.AssistsPage }))),
  },
  {
    path: 'campaigns/:id',
    labelKey: 'nav.campaigns',
    icon: CalendarOutlined,
    permission: 'campaign.read',
    testId: 'nav-campaign',
    inMenu: false,
    component: lazy(() => import('./campaign-page.tsx').then((m) => ({ default: m.CampaignPage }))),
  },
  {
    path: 'campaigns/events/:id',
    labelKey: 'nav.campaigns',
    icon: CalendarOutlined,
    permission: 'campaign.read',
    testId: 'nav-campaign-event',
    inMenu: false,
    component: lazy(() => import('./event-page.tsx').then((m) => ({ default: m.EventPage }))),
  },
  {
    path: 'campaigns/checkin/:code',
    labelKey: 'nav.campaigns',
    icon: CalendarOutlined,
    permission: 'campaign.run',
    testId: 'nav-campaign-checkin',
    inMenu: false,
    component: lazy(() => import('./checkin-page.tsx').then((m) => ({ default: m.CheckInPage }))),
  },
];

/** Public event pages in the portal layout. */
export const campaignPortalRoutes: { path: string; component: LazyExoticComponent<ComponentType> }[] = [
  { path: '/portal/events', component: lazy(() => import('./portal-events-page.tsx').then((m) => ({ default: m.PortalEventsPage }))) },
  { path: '/portal/events/:id', component: lazy(() => import('./portal-events-page.tsx').then((m) => ({ default: m.PortalEventPage }))) },
  { path: '/portal/events/confirmation/:code', component: lazy(() => import('./portal-events-page.tsx').then((m) => ({ default: m.PortalConfirmationPage }))) },
];
