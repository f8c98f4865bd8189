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
import type { LoginResponse, Session, SessionUser, SignedIn, TotpVerifyBody } from '../api/types';

interface SessionState {
  /** undefined while loading; null when signed out (or while a second factor is owed). */
  user: SessionUser | null | undefined;
  /** The password was right; the two-factor code is still owed (decision 0036). */
  pendingSecondFactor: boolean;
  /** Signs in; null when the account asks for its two-factor code next. */
  signIn: (username: string, password: string) => Promise<SessionUser | null>;
  verifySecondFactor: (body: TotpVerifyBody) => Promise<SessionUser>;
  /** Reads the session again (after one's password changed). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [pendingSecondFactor, setPending] = useState(false);

  const take = useCallback((session: Session | LoginResponse) => {
    setCsrfToken(session.csrfToken ?? undefined);
    setUser(session.user);
    setPending('secondFactor' in session);
    return session.user;
  }, []);

  const refresh = useCallback(async () => {
    // 200 for everyone: user null for a visitor without an account.
    await api<Session>('GET', '/auth/session')
      .then(take)
      // The server could not be reached: the public pages still show; signing in will tell.
      .catch(() => setUser(null));
  }, [take]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(
    async (username: string, password: string) =>
      take(await api<LoginResponse>('POST', '/auth/login', { username, password })),
    [take],
  );

  const verifySecondFactor = useCallback(
    async (body: TotpVerifyBody) => {
      const me = await api<SignedIn>('POST', '/auth/totp/verify', body);
      take(me);
      return me.user;
    },
    [take],
  );

  const signOut = useCallback(async () => {
    await api('POST', '/auth/logout').catch(() => undefined);
    setCsrfToken(undefined);
    setUser(null);
    setPending(false);
  }, []);

  const value = useMemo(
    () => ({ user, pendingSecondFactor, signIn, verifySecondFactor, refresh, signOut }),
    [user, pendingSecondFactor, signIn, verifySecondFactor, refresh, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
