// The cycle's proposals on a map, next to the list (never instead of it): each proposal with a point is a numbered
// pin that is a real link to the proposal, so it takes keyboard focus, has the proposal's title as its name and
// opens the proposal like the list does. The number is the proposal's number in the list below.
import type * as L from "leaflet";
import { useEffect } from "preact/hooks";
import type { ProposalSummary } from "../../api/types";
import { href } from "../../app/router";
import { t, tn } from "../../i18n/i18n";
import { defaultView, latLng, type Leaflet } from "./leaflet";
import { useNeighbourhoodView } from "./useNeighbourhoodView";
import { useLeafletMap } from "./useLeafletMap";
import "./map.css";

interface Props { n: string; c: string; proposals: ProposalSummary[] }

export function ProposalMap({ n, c, proposals }: Props) {
  const { site, element, ready, failed } = useLeafletMap((leaflet, map) => ({ pins: leaflet.layerGroup().addTo(map) }));
  const start = useNeighbourhoodView(n) ?? defaultView;

  // Only proposals still open get a pin: a withdrawn one (or one merged into another) stays in the list, marked, but
  // a pin would tell the neighbours that something is still planned on that spot.
  const placed = proposals.map((p, i) => ({ p, number: i + 1 })).filter(({ p }) => p.point && p.status === "Open");
  // Pins are redrawn (and the map fitted to them) only when they change, not on every live update of the page, so a
  // resident who moved the map keeps their view.
  const pinsKey = placed.map(({ p, number }) => `${number}:${p.proposalId}:${p.title}:${p.point!.latitude},${p.point!.longitude}`).join("|");
  useEffect(() => {
    if (!ready) return;
    const { leaflet, map, pins } = ready;
    pins.clearLayers();
    for (const { p, number } of placed) {
      pins.addLayer(leaflet.marker(latLng(p.point!), { icon: pinIcon(leaflet, number, p.title, href("proposal", { n, c, p: p.proposalId })), interactive: false, keyboard: false }));
    }
    if (placed.length === 0) map.setView(latLng(start.centre), start.zoom);
    else map.fitBounds(leaflet.latLngBounds(placed.map(({ p }) => latLng(p.point!))), { maxZoom: 17, padding: [40, 40] });
  }, [ready, pinsKey, start]);

  if (failed) return <p class="notice">{t("map.failed")}</p>;
  return (
    <div class="proposal-map">
      <p class="hint" id="proposal-map-hint">
        {site.mapTiles ? t("map.hint") : t("map.noTiles")} {placed.length === 0 ? t("map.noPoints") : tn("map.pins", placed.length)}
      </p>
      <div ref={element} class="map" role="region" aria-label={t("map.label")} aria-describedby="proposal-map-hint" data-testid="proposal-map" />
    </div>
  );
}

/** A pin as a link built with the DOM (the title is a resident's text: it goes in as text, never as HTML). */
function pinIcon(leaflet: Leaflet, number: number, title: string, to: string): L.DivIcon {
  const link = document.createElement("a");
  link.href = to;
  link.className = "map-pin";
  // The name holds the visible number and the title, also while the title is not shown (hidden content would not
  // name the link).
  link.setAttribute("aria-label", t("map.pin", { number, title }));
  const shown = document.createElement("span");
  shown.className = "map-pin-number";
  shown.textContent = String(number);
  const label = document.createElement("span");
  label.className = "map-pin-label";
  label.textContent = title;
  link.append(shown, label);
  return leaflet.divIcon({ html: link, className: "map-pin-icon", iconSize: [32, 32], iconAnchor: [16, 32] });
}
