import { useI18n } from '../../../i18n/I18nProvider';
import { useSession } from '../hooks/SessionProvider';

/** The top bar's person: name, role (and township when limited to one), and sign-out. */
export function UserMenu() {
  const { m } = useI18n();
  const { state, signOut } = useSession();
  if (state.status !== 'signedIn') return null;
  const { me } = state;
  return (
    <div className="user-menu" data-role={me.role}>
      <span className="user-menu__who">
        <span className="user-menu__name">{me.name}</span>
        <span className="user-menu__role">
          {m.auth.roles[me.role]}
          {me.township ? ` · ${me.township.name}` : ''}
        </span>
      </span>
      <button type="button" className="top-bar__button" onClick={() => void signOut()}>
        {m.auth.signOut}
      </button>
    </div>
  );
}
