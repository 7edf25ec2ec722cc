import { BarChartOutlined, BookOutlined, DatabaseOutlined, GiftOutlined, ReadOutlined, TrophyOutlined } from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { WebPage } from '../../../web/shell/nav.ts';

/** Education (宣教) staff pages. */
export const educationPages: WebPage[] = [
  {
    path: 'education/contents',
    labelKey: 'nav.eduContents',
    icon: BookOutlined,
    permission: 'edu.read',
    testId: 'nav-edu-contents',
    component: lazy(() => import('./content-page.tsx').then((m) => ({ default: m.ContentPage }))),
  },
  {
    path: 'education/questions',
    labelKey: 'nav.eduQuestions',
    icon: DatabaseOutlined,
    permission: 'edu.quiz',
    testId: 'nav-edu-questions',
    component: lazy(() => import('./questions-page.tsx').then((m) => ({ default: m.QuestionsPage }))),
  },
  {
    path: 'education/quizzes',
    labelKey: 'nav.eduQuizzes',
    icon: TrophyOutlined,
    permission: 'edu.read',
    testId: 'nav-edu-quizzes',
    component: lazy(() => import('./quizzes-page.tsx').then((m) => ({ default: m.QuizzesPage }))),
  },
  {
    path: 'education/courses',
    labelKey: 'nav.eduCourses',
    icon: ReadOutlined,
    permission: 'edu.read',
    testId: 'nav-edu-courses',
    component: lazy(() => import('./courses-page.tsx').then((m) => ({ default: m.CoursesPage }))),
  },
  {
    path: 'education/analysis',
    labelKey: 'nav.eduAnalysis',
    icon: BarChartOutlined,
    permission: 'edu.stats',
    testId: 'nav-edu-analysis',
    component: lazy(() => import('./analysis-page.tsx').then((m) => ({ default: m.AnalysisPage }))),
  },
  {
    path: 'education/redeem',
    labelKey: 'nav.eduRedeem',
    icon: GiftOutlined,
    permission: 'edu.redeem',
    testId: 'nav-edu-redeem',
    component: lazy(() => import('./redeem-page.tsx').then((m) => ({ default: m.RedeemPage }))),
  },
];

/** Public portal pages (no login), in the shared portal layout (src/web/portal). */
export const educationPortalRoutes: { path: string; component: LazyExoticComponent<ComponentType> }[] = [
  { path: '/portal', component: lazy(() => import('./portal-home-page.tsx').then((m) => ({ default: m.PortalHomePage }))) },
  { path: '/portal/learn', component: lazy(() => import('./portal-learn-page.tsx').then((m) => ({ default: m.PortalLearnPage }))) },
  { path: '/portal/learn/:id', component: lazy(() => import('./portal-learn-page.tsx').then((m) => ({ default: m.PortalArticlePage }))) },
  { path: '/portal/quiz', component: lazy(() => import('./portal-quiz-page.tsx').then((m) => ({ default: m.PortalQuizPage }))) },
  { path: '/portal/courses', component: lazy(() => import('./portal-course-page.tsx').then((m) => ({ default: m.PortalCoursesPage }))) },
  { path: '/portal/courses/:id', component: lazy(() => import('./portal-course-page.tsx').then((m) => ({ default: m.PortalCoursePage }))) },
  { path: '/portal/draws/:id', component: lazy(() => import('./portal-draw-page.tsx').then((m) => ({ default: m.PortalDrawPage }))) },
];
