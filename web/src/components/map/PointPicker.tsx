// Choosing a proposal's point on a map, as an extra to the place in words (which is always enough): click the map,
// or move it with the arrow keys and put the pin in the middle (the crosshair) with a button. The chosen point is
// always said in words next to the map, and can be taken away again.
import type * as L from "leaflet";
import { useEffect, useRef } from "preact/hooks";
import type { GeoPoint, MapView } from "../../api/types";
import { t } from "../../i18n/i18n";
import { defaultView, latLng, pointInWords } from "./leaflet";
import { useLeafletMap } from "./useLeafletMap";
import "./map.css";

interface Props {
  id: string;
  value: GeoPoint | null;
  onChange: (point: GeoPoint | null) => void;
  /** The server's word on the point, shown under the map. */
  error?: string | null;
  /** Where the map opens while no point is chosen (the neighbourhood's view); the whole country without one. */
  start?: MapView | null;
  /** The legend and hint, when the point is not a proposal's (the corporation choosing where maps open). */
  legend?: string;
  hint?: string;
}

const rounded = (value: number) => Math.round(value * 1e6) / 1e6;
const pointOf = (at: L.LatLng): GeoPoint => ({ latitude: rounded(at.lat), longitude: rounded(at.wrap().lng) });

export function PointPicker({ id, value, onChange, error, start, legend, hint }: Props) {
  // The latest callback, for the map's click handler that is registered once.
  const change = useRef(onChange);
  change.current = onChange;
  const { site, element, ready, failed } = useLeafletMap((leaflet, map) => {
    const opening = start ?? defaultView;
    map.setView(value ? latLng(value) : latLng(opening.centre), value ? 17 : opening.zoom);
    map.on("click", (event: L.LeafletMouseEvent) => change.current(pointOf(event.latlng)));
    return { pin: leaflet.layerGroup().addTo(map) };
  });

  // The neighbourhood's view usually arrives after the map is made; a map with a point chosen stays on the point.
  useEffect(() => {
    if (ready && start && !value) ready.map.setView(latLng(start.centre), start.zoom, { animate: false });
  }, [ready, start]);

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
      <legend>{legend ?? t("map.picker.legend")}</legend>
      <p class="hint" id={`${id}-hint`}>
        {hint ?? (site.mapTiles ? t("map.picker.hint") : t("map.picker.noTiles"))}
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
