// Where a neighbourhood's maps open, as its corporation set it; null while it loads or when none is set (the maps
// then show the whole country). Asked for each map as it mounts (no page has two), so a view the corporation has just
// changed shows on the next page without a reload.
import { useEffect, useState } from "preact/hooks";
import { api, paths } from "../../api/client";
import type { MapView, PublicNeighbourhood } from "../../api/types";

export function useNeighbourhoodView(n: string): MapView | null {
  const [view, setView] = useState<MapView | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    // A neighbourhood that cannot be read now still gets a map, of the whole country.
    api.get<PublicNeighbourhood>(paths.neighbourhood(n), { signal: abort.signal }).then(
      (neighbourhood) => !abort.signal.aborted && setView(neighbourhood.map ?? null),
      () => undefined,
    );
    return () => abort.abort();
  }, [n]);
  return view;
}
