import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { type Client, Provider as UrqlProvider } from 'urql';
import { createGraphqlClient, isUnauthenticated } from '../../../graphql/client';
import type { MeQuery as MeResult } from '../../../graphql/generated/graphql';
import { MeQuery, SignInMutation, SignOutMutation } from '../graphql/session';

export type SignedInPerson = NonNullable<MeResult['me']>;

export type SessionState =
  | { status: 'checking' }
  | { status: 'signedIn'; me: SignedInPerson }
  /** `expired`: a session ended under the reader (the sign-in page says so). */
  | { status: 'signedOut'; expired: boolean }
  | { status: 'error'; message: string };

export interface Session {
  state: SessionState;
  /**
   * Signs in; resolves to null on success, SIGN_IN_FAILED for a wrong login or password, or another
   * problem's message (the server unreachable...).
   */
  signIn(login: string, password: string): Promise<string | null>;
  signOut(): Promise<void>;
  /** Asks `me` again (after an error). */
  recheck(): void;
}

export const SIGN_IN_FAILED = 'SIGN_IN_FAILED';

const SessionContext = createContext<Session | null>(null);

/**
 * Who reads the dashboard. Asks `me` first; holds the urql client, made anew at each sign-in and sign-out so
 * no answer cached for one person is shown to the next; and hears any answer that says the session ended.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const lost = useRef<() => void>(() => undefined);
  lost.current = () => setState((s) => (s.status === 'signedIn' ? { status: 'signedOut', expired: true } : s));
  const newClient = useCallback(() => createGraphqlClient(() => lost.current()), []);
  const [client, setClient] = useState<Client>(newClient);

  const check = useCallback(async () => {
    setState({ status: 'checking' });
    const result = await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.data?.me) setState({ status: 'signedIn', me: result.data.me });
    else if (result.data || isUnauthenticated(result.error)) setState({ status: 'signedOut', expired: false });
    else setState({ status: 'error', message: result.error?.message ?? 'unknown error' });
  }, [client]);

  const checked = useRef(false);
  useEffect(() => {
    if (checked.current) return;
    checked.current = true;
    void check();
  }, [check]);

  const signIn = useCallback(
    async (login: string, password: string) => {
      const result = await client.mutation(SignInMutation, { login, password }).toPromise();
      const me = result.data?.signIn;
      if (!me) {
        const first = result.error?.graphQLErrors[0];
        if (first?.extensions?.reason === SIGN_IN_FAILED) return SIGN_IN_FAILED;
        return first?.message ?? result.error?.message ?? 'unknown error';
      }
      setClient(newClient());
      setState({ status: 'signedIn', me });
      return null;
    },
    [client, newClient],
  );

  const signOut = useCallback(async () => {
    await client.mutation(SignOutMutation, {}).toPromise();
    setClient(newClient());
    setState({ status: 'signedOut', expired: false });
  }, [client, newClient]);

  const session = useMemo<Session>(
    () => ({ state, signIn, signOut, recheck: () => void check() }),
    [state, signIn, signOut, check],
  );
  return (
    <SessionContext.Provider value={session}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
