import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { campaignPages } from '../../modules/campaigns/web/index.ts';
import { complaintPages } from '../../modules/complaints/web/index.ts';
import { educationPages } from '../../modules/education/web/index.ts';
import { identityPages } from '../../modules/identity/web/index.ts';
import { monitoringPages } from '../../modules/monitoring/web/index.ts';
import { outreachPages } from '../../modules/outreach/web/index.ts';
import type { WebPage } from './nav.ts';

const homePage: WebPage = {
  path: '',
  labelKey: 'nav.home',
  icon: HomeOutlined,
  testId: 'nav-home',
  component: lazy(() => import('./home-page.tsx').then((m) => ({ default: m.HomePage }))),
};

/** Every page of the web app in menu order; modules add theirs here as they are built. */
export const pages: WebPage[] = [homePage, ...complaintPages, ...monitoringPages, ...educationPages, ...campaignPages, ...outreachPages, ...identityPages];
