import { StatusMessage } from '../components/StatusMessage';
import { SignInPage } from '../features/auth/components/SignInPage';
import { SessionProvider, useSession } from '../features/auth/hooks/SessionProvider';
import { DashboardContextProvider } from '../features/filters/hooks/DashboardContext';
import { WallModeProvider } from '../hooks/wallMode';
import { I18nProvider } from '../i18n/I18nProvider';
import { AppShell } from './AppShell';
import { TopBar } from './TopBar';

export function App() {
  return (
    <WallModeProvider>
      <I18nProvider>
        <SessionProvider>
          <SignedInOnly />
        </SessionProvider>
      </I18nProvider>
    </WallModeProvider>
  );
}

/** The dashboard for a signed-in person; the sign-in page for anyone else (every page asks for a role). */
function SignedInOnly() {
  const { state, recheck } = useSession();
  if (state.status === 'signedIn')
    return (
      // Keyed by the person: a new sign-in starts with fresh filters and panels.
      <DashboardContextProvider key={state.me.login ?? state.me.name}>
        <AppShell />
      </DashboardContextProvider>
    );
  return (
    <div className="shell shell--signed-out">
      <TopBar />
      {state.status === 'checking' ? (
        <main id="main" className="sign-in">
          <StatusMessage kind="loading" />
        </main>
      ) : state.status === 'error' ? (
        <main id="main" className="sign-in">
          <StatusMessage kind="error" detail={state.message} onRetry={recheck} />
        </main>
      ) : (
        <SignInPage expired={state.expired} />
      )}
    </div>
  );
}
