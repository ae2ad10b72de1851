// The part every map shares: Leaflet's chunk loaded on demand, a map made on the element once it has loaded (with
// the installation's tiles, or none), removed with the component, and a failure to load said instead of a blank box.
import type * as L from "leaflet";
import { useEffect, useRef, useState } from "preact/hooks";
import { useSession } from "../../app/session";
import { createMap, loadLeaflet, type Leaflet } from "./leaflet";

/** `setUp` runs once on each new map (views, handlers, layers) and returns what the component keeps of it. */
export function useLeafletMap<T extends object>(setUp: (leaflet: Leaflet, map: L.Map) => T, deps: unknown[] = []) {
  const { site } = useSession();
  const element = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState<(T & { leaflet: Leaflet; map: L.Map }) | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let map: L.Map | null = null;
    let cancelled = false;
    loadLeaflet().then(
      (leaflet) => {
        if (cancelled || !element.current) return;
        map = createMap(leaflet, element.current, site);
        setReady({ ...setUp(leaflet, map), leaflet, map });
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [site, ...deps]);
  return { site, element, ready, failed };
}
