import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { User } from '../api/types';

interface SessionState {
  /** undefined while loading; null when signed out. */
  user: User | null | undefined;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

interface MeResponse {
  user: User;
  csrfToken: string;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api<MeResponse>('GET', '/auth/me')
      .then((me) => {
        setCsrfToken(me.csrfToken);
        setUser(me.user);
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setUser(null);
        else setUser(null);
      });
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await api<MeResponse>('POST', '/auth/login', { username, password });
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
