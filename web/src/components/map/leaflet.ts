// Leaflet, loaded only by pages that show a map (its own chunk and stylesheet, both from this site, so the CSP
// needs nothing new), and the map every page builds the same way: tiles only when the installation configured
// them (Buurtbudget:Web:MapTiles; its host is the one the CSP allows for images), otherwise a plain background.
// Labels of Leaflet's own controls come from the translation files.
import type * as L from "leaflet";
import type { GeoPoint, MapView, Site } from "../../api/types";
import { language, t } from "../../i18n/i18n";

export type Leaflet = typeof L;

let loading: Promise<Leaflet> | null = null;

export function loadLeaflet(): Promise<Leaflet> {
  loading ??= Promise.all([import("leaflet"), import("leaflet/dist/leaflet.css")]).then(
    ([module]) => ((module as unknown as { default?: Leaflet }).default ?? module) as Leaflet,
  );
  return loading;
}

/** Where a map without points starts when its neighbourhood has no view of its own: the whole country. */
export const defaultView: MapView = { centre: { latitude: 52.15, longitude: 5.3 }, zoom: 7 };

export function createMap(leaflet: Leaflet, element: HTMLElement, site: Site): L.Map {
  const map = leaflet.map(element, { zoomControl: false, attributionControl: false, keyboard: true, scrollWheelZoom: false });
  leaflet.control.zoom({ zoomInTitle: t("map.zoomIn"), zoomOutTitle: t("map.zoomOut") }).addTo(map);
  if (site.mapTiles) {
    // The attribution is the operator's configuration (HTML the tile provider asks for), never residents' text.
    leaflet.control.attribution({ prefix: false }).addTo(map);
    leaflet.tileLayer(site.mapTiles, { attribution: site.mapAttribution ?? "", maxZoom: 19 }).addTo(map);
  }
  return map;
}

export const latLng = (point: GeoPoint): [number, number] => [point.latitude, point.longitude];

/** A point in words, for everyone who does not use the map. */
export function pointInWords(point: GeoPoint): string {
  const numbers = new Intl.NumberFormat(language() === "nl" ? "nl-NL" : "en-GB", { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return t("map.pointInWords", { latitude: numbers.format(point.latitude), longitude: numbers.format(point.longitude) });
}
