import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api, setCsrfToken } from '../api/client';
import type { Session, SessionUser, SignedIn } from '../api/types';

interface SessionState {
  /** undefined while loading; null when signed out. */
  user: SessionUser | null | undefined;
  signIn: (username: string, password: string) => Promise<SessionUser>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    // 200 for everyone: user null for a visitor without an account.
    api<Session>('GET', '/auth/session')
      .then((session) => {
        setCsrfToken(session.csrfToken ?? undefined);
        setUser(session.user);
      })
      // The server could not be reached: the public pages still show; signing in will tell.
      .catch(() => setUser(null));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await api<SignedIn>('POST', '/auth/login', { username, password });
    setCsrfToken(me.csrfToken);
    setUser(me.user);
    return me.user;
  }, []);

  const signOut = useCallback(async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    setCsrfToken(undefined);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
