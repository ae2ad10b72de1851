// One proposal's point on a small map. The point is also in words in the proposal's facts, so the pin itself is
// decoration for assistive technology.
import type * as L from "leaflet";
import { useEffect, useRef, useState } from "preact/hooks";
import type { GeoPoint } from "../../api/types";
import { useSession } from "../../app/session";
import { createMap, latLng, loadLeaflet } from "./leaflet";
import "./map.css";

export function PlaceMap({ point, label }: { point: GeoPoint; label: string }) {
  const { site } = useSession();
  const element = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let map: L.Map | null = null;
    let cancelled = false;
    loadLeaflet().then(
      (leaflet) => {
        if (cancelled || !element.current) return;
        map = createMap(leaflet, element.current, site).setView(latLng(point), 17);
        const icon = leaflet.divIcon({ className: "picked-pin", iconSize: [20, 20] });
        leaflet.marker(latLng(point), { icon, interactive: false, keyboard: false }).addTo(map);
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [site, point.latitude, point.longitude]);
  if (failed) return null;
  return (
    <div class="proposal-place-map">
      <div ref={element} class="map" role="region" aria-label={label} />
    </div>
  );
}
