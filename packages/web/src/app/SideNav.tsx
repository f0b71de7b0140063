import { Link, useLocation } from 'wouter';
import { useSession } from '../features/auth/hooks/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { PAGES } from './pages';
import { useHrefWithSearch } from './useHrefWithSearch';

export function SideNav() {
  const { m, lang } = useI18n();
  const [location] = useLocation();
  const withSearch = useHrefWithSearch();
  const { state } = useSession();
  const role = state.status === 'signedIn' ? state.me.role : null;
  const visible = PAGES.filter((page) => !page.roles || (role !== null && page.roles.includes(role)));
  return (
    <nav className="side-nav" aria-label={m.nav.label}>
      <ul>
        {visible.map(({ key, path, component }) => {
          const current = location === path;
          return (
            <li key={key}>
              <Link
                href={withSearch(path)}
                className={`side-nav__link${current ? ' side-nav__link--current' : ''}`}
                aria-current={current ? 'page' : undefined}
              >
                {m.nav[key]}
                {!component && <span className="side-nav__pending">{m.comingSoon.navBadge}</span>}
              </Link>
            </li>
          );
        })}
        <li className="side-nav__tools">
          {/* A page of its own (not a dashboard route): a plain link, loaded in the same tab. */}
          <a href={`/graphiql?lang=${lang}`} className="side-nav__link" data-nav="graphiql">
            {m.toolsNav.graphiql}
          </a>
        </li>
      </ul>
    </nav>
  );
}
