import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import { SIGN_IN_FAILED, useSession } from '../hooks/SessionProvider';

/** The sign-in form: shown until someone is signed in, and again when a session ends. */
export function SignInPage({ expired }: { expired: boolean }) {
  const { m } = useI18n();
  const { signIn } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const outcome = await signIn(login, password).catch((e: unknown) => String(e));
    setBusy(false);
    if (outcome === null) return;
    setProblem(outcome === SIGN_IN_FAILED ? m.auth.failed : m.auth.error(outcome));
    setPassword('');
  };

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <form className="sign-in__card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title" className="sign-in__title">
          {m.auth.title}
        </h1>
        <p className="sign-in__intro">{m.auth.intro}</p>
        {expired && !problem && (
          <p className="sign-in__notice" role="status">
            {m.auth.expired}
          </p>
        )}
        <label className="sign-in__field">
          <span>{m.auth.login}</span>
          <input
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
        </label>
        <label className="sign-in__field">
          <span>{m.auth.password}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {problem && (
          <p className="sign-in__problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary sign-in__submit" disabled={busy}>
          {busy ? m.auth.signingIn : m.auth.submit}
        </button>
      </form>
    </main>
  );
}
