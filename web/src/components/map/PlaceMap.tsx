// One proposal's point on a small map. The point is also in words in the proposal's facts, so the pin itself is
// decoration for assistive technology.
import type { GeoPoint } from "../../api/types";
import { latLng } from "./leaflet";
import { useLeafletMap } from "./useLeafletMap";
import "./map.css";

export function PlaceMap({ point, label }: { point: GeoPoint; label: string }) {
  const { element, failed } = useLeafletMap((leaflet, map) => {
    map.setView(latLng(point), 17);
    const icon = leaflet.divIcon({ className: "picked-pin", iconSize: [20, 20] });
    leaflet.marker(latLng(point), { icon, interactive: false, keyboard: false }).addTo(map);
    return {};
  }, [point.latitude, point.longitude]);
  if (failed) return null;
  return (
    <div class="proposal-place-map">
      <div ref={element} class="map" role="region" aria-label={label} />
    </div>
  );
}
