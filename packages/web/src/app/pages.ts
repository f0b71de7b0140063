import { lazy, type ComponentType } from 'react';
import { OverviewPage } from '../features/overview/components/OverviewPage';
import type { Messages } from '../i18n/messages';
import type { Role } from '../graphql/generated/graphql';

export type PageKey = Exclude<keyof Messages['nav'], 'label'>;

export interface PageEntry {
  key: PageKey;
  path: string;
  /** Absent while the page is still to be built: the shell shows a "coming soon" notice. */
  component?: ComponentType;
  /** False for pages the global filters (period, township, sector) do not apply to: no filter bar. */
  filters?: false;
  /** Only these roles see the page in the menu (the server refuses the others' writes anyway). */
  roles?: readonly Role[];
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
  {
    key: 'roadTraffic',
    path: '/road-traffic',
    component: lazy(() => import('../features/road-traffic/components/RoadTrafficPage')),
  },
  { key: 'hazards', path: '/hazards', component: lazy(() => import('../features/hazards/components/HazardsPage')) },
  {
    key: 'capacity',
    path: '/capacity',
    component: lazy(() => import('../features/capacity/components/CapacityPage')),
  },
  { key: 'plan', path: '/plan', component: lazy(() => import('../features/plan/components/PlanPage')) },
  { key: 'records', path: '/records', component: lazy(() => import('../features/records/components/RecordsPage')) },
  {
    key: 'explore',
    path: '/explore',
    component: lazy(() => import('../features/explore/components/ExplorePage')),
    filters: false,
  },
  {
    key: 'board',
    path: '/board',
    component: lazy(() => import('../features/explore/components/BoardPage')),
    filters: false,
  },
  {
    key: 'import',
    path: '/import',
    component: lazy(() => import('../features/import/components/ImportPage')),
    filters: false,
    roles: ['ADMIN', 'EDITOR'],
  },
];
