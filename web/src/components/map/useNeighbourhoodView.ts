// Where a neighbourhood's maps open, as its corporation set it; null while it loads or when none is set (the maps
// then show the whole country). Asked once per neighbourhood per page load: every map on the site shares the answer.
import { useEffect, useState } from "preact/hooks";
import { api, paths } from "../../api/client";
import type { MapView, PublicNeighbourhood } from "../../api/types";

const views = new Map<string, Promise<MapView | null>>();

function viewOf(n: string): Promise<MapView | null> {
  let view = views.get(n);
  if (!view) {
    // A neighbourhood that cannot be read now still gets a map, of the whole country; the next page load asks again.
    view = api.get<PublicNeighbourhood>(paths.neighbourhood(n)).then((neighbourhood) => neighbourhood.map ?? null, () => null);
    views.set(n, view);
  }
  return view;
}

export function useNeighbourhoodView(n: string): MapView | null {
  const [view, setView] = useState<MapView | null>(null);
  useEffect(() => {
    let current = true;
    viewOf(n).then((found) => current && setView(found));
    return () => {
      current = false;
    };
  }, [n]);
  return view;
}
