// Choosing a proposal's point on a map, as an extra to the place in words (which is always enough): click the map,
// or move it with the arrow keys and put the pin in the middle (the crosshair) with a button. The chosen point is
// always said in words next to the map, and can be taken away again.
import type * as L from "leaflet";
import { useEffect, useRef, useState } from "preact/hooks";
import type { GeoPoint } from "../../api/types";
import { useSession } from "../../app/session";
import { t } from "../../i18n/i18n";
import { createMap, defaultView, latLng, loadLeaflet, pointInWords, type Leaflet } from "./leaflet";
import "./map.css";

interface Props {
  id: string;
  value: GeoPoint | null;
  onChange: (point: GeoPoint | null) => void;
  /** The server's word on the point, shown under the map. */
  error?: string | null;
}

const rounded = (value: number) => Math.round(value * 1e6) / 1e6;
const pointOf = (at: L.LatLng): GeoPoint => ({ latitude: rounded(at.lat), longitude: rounded(at.wrap().lng) });

export function PointPicker({ id, value, onChange, error }: Props) {
  const { site } = useSession();
  const element = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState<{ leaflet: Leaflet; map: L.Map; pin: L.LayerGroup } | null>(null);
  const [failed, setFailed] = useState(false);
  // The latest callback, for the map's click handler that is registered once.
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    let map: L.Map | null = null;
    let cancelled = false;
    loadLeaflet().then(
      (leaflet) => {
        if (cancelled || !element.current) return;
        map = createMap(leaflet, element.current, site);
        map.setView(value ? latLng(value) : latLng(defaultView.center), value ? 17 : defaultView.zoom);
        map.on("click", (event: L.LeafletMouseEvent) => change.current(pointOf(event.latlng)));
        setReady({ leaflet, map, pin: leaflet.layerGroup().addTo(map) });
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [site]);

  useEffect(() => {
    if (!ready) return;
    ready.pin.clearLayers();
    if (value) {
      const icon = ready.leaflet.divIcon({ className: "picked-pin", iconSize: [20, 20] });
      ready.pin.addLayer(ready.leaflet.marker(latLng(value), { icon, interactive: false, keyboard: false }));
    }
  }, [ready, value]);

  const described = [`${id}-hint`, `${id}-chosen`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset class={error ? "field field-invalid point-field" : "field point-field"}>
      <legend>{t("map.picker.legend")}</legend>
      <p class="hint" id={`${id}-hint`}>
        {site.mapTiles ? t("map.picker.hint") : t("map.picker.noTiles")}
      </p>
      {failed ? (
        <p class="notice">{t("map.failed")}</p>
      ) : (
        <div class="point-picker">
          <div ref={element} id={id} class="map" role="region" aria-label={t("map.picker.label")} aria-describedby={described} data-testid="point-picker" />
          <span class="crosshair" aria-hidden="true" />
        </div>
      )}
      <p id={`${id}-chosen`} aria-live="polite" data-testid="chosen-point">
        {value ? t("map.picker.chosen", { point: pointInWords(value) }) : t("map.picker.none")}
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <p class="button-row">
        <button type="button" class="button button-secondary" disabled={!ready} onClick={() => ready && onChange(pointOf(ready.map.getCenter()))}>
          {t("map.picker.useCentre")}
        </button>
        {value && (
          <button type="button" class="button button-secondary" onClick={() => onChange(null)}>
            {t("map.picker.remove")}
          </button>
        )}
      </p>
    </fieldset>
  );
}
