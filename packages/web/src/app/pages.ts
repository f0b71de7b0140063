import { lazy, type ComponentType } from 'react';
import { OverviewPage } from '../features/overview/components/OverviewPage';
import type { Messages } from '../i18n/messages';

export type PageKey = Exclude<keyof Messages['nav'], 'label'>;

export interface PageEntry {
  key: PageKey;
  path: string;
  /** Absent while the page is still to be built: the shell shows a "coming soon" notice. */
  component?: ComponentType;
}

// The navigation, in the order of the left menu. The overview, the landing page, is in the initial
// bundle; every other page is a lazily loaded chunk (the shell's <Suspense> shows loading meanwhile).
export const PAGES: readonly PageEntry[] = [
  { key: 'overview', path: '/', component: OverviewPage },
  {
    key: 'trendMap',
    path: '/trend-map',
    component: lazy(() => import('../features/trend-map/components/TrendMapPage')),
  },
  { key: 'roadTraffic', path: '/road-traffic' },
  { key: 'hazards', path: '/hazards' },
  { key: 'capacity', path: '/capacity' },
  { key: 'plan', path: '/plan' },
  { key: 'records', path: '/records' },
];
