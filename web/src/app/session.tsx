// Who is signed in, for the whole app: the server's /api/me, fetched at start and again after any sign-in or
// sign-out. Pages show only what will work for this person; the server enforces it anyway.
import { createContext } from "preact";
import { useCallback, useContext, useEffect, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { api, paths } from "../api/client";
import type { Me, Site } from "../api/types";

interface Session {
  me: Me | null;
  site: Site;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ site, children }: { site: Site; children: ComponentChildren }) {
  const [me, setMe] = useState<Me | null>(null);
  const refresh = useCallback(async () => {
    try {
      setMe(await api.get<Me>(paths.me));
    } catch {
      setMe({ signedIn: false, resident: null, residences: [], staff: null });
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  return <SessionContext.Provider value={{ me, site, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** Whether this person is a resident who may act in this cycle (signed in with its voting code or provider). */
export function isResidentOf(me: Me | null, n: string, c: string) {
  return !!me?.residences.some((r) => r.neighbourhoodId === n && r.cycleId === c);
}

/** Whether the staff member holds a role covering this neighbourhood of that corporation. */
export function hasRole(me: Me | null, corporationId: string, neighbourhoodId: string, roles: string[]) {
  return !!me?.staff?.grants.some(
    (g) => g.corporationId === corporationId && roles.includes(g.role) && (g.coversEveryNeighbourhood || g.neighbourhoods.includes(neighbourhoodId)),
  );
}
