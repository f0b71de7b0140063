import { Suspense } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { StatusMessage } from '../components/StatusMessage';
import { FilterBar } from '../features/filters/components/FilterBar';
import { useDashboardContext } from '../features/filters/hooks/DashboardContext';
import { useWallMode } from '../hooks/wallMode';
import { useI18n } from '../i18n/I18nProvider';
import { ComingSoon } from './ComingSoon';
import { NotFound } from './NotFound';
import { PAGES } from './pages';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

export function AppShell() {
  const { m } = useI18n();
  const [location] = useLocation();
  const { wall } = useWallMode();
  const context = useDashboardContext();
  return (
    <div className={wall ? 'shell shell--wall' : 'shell'}>
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <TopBar />
      {!wall && <SideNav />}
      <main id="main" className="shell__main" tabIndex={-1}>
        {PAGES.find((page) => page.path === location)?.filters !== false && <FilterBar />}
        {/* Pages wait for the township list and default year; without them no figure has a scope. */}
        {context.state.error && context.defaultYear === null ? (
          <StatusMessage kind="error" detail={context.state.error.message} onRetry={context.state.retry} />
        ) : (
          // Keyed by location: leaving a page that crashed gives the next one a fresh start.
          <ErrorBoundary key={location} fallback={<CrashNotice />}>
            <Suspense fallback={<StatusMessage kind="loading" />}>
              <Switch>
                {PAGES.map(({ key, path, component: Page }) => (
                  <Route key={key} path={path}>
                    {Page ? <Page /> : <ComingSoon title={m.nav[key]} />}
                  </Route>
                ))}
                <Route>
                  <NotFound />
                </Route>
              </Switch>
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}

function CrashNotice() {
  const { m } = useI18n();
  return (
    <section className="page notice" role="alert">
      <h1>{m.crashed.title}</h1>
      <p>{m.crashed.body}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {m.crashed.reload}
      </button>
    </section>
  );
}
