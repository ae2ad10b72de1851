// Where a neighbourhood's maps open: the proposals map and the point residents pick for their proposal start there
// instead of on the whole country. The administrator picks the middle on a map and how far it is zoomed in.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import type { CorporationView, GeoPoint } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { pointInWords } from "../../components/map/leaflet";
import { PointPicker } from "../../components/map/PointPicker";
import { ProblemMessage } from "../../components/Problem";
import { t, type Key } from "../../i18n/i18n";
import { ChoiceGroup } from "./ChoiceGroup";
import { staffPaths } from "./staffApi";
import { Status } from "./Status";
import { useAction } from "./useAction";

const zooms = ["14", "15", "16", "17"] as const;
type Zoom = (typeof zooms)[number];

export function NeighbourhoodMapForm({ corporation, onPlaced }: { corporation: CorporationView; onPlaced: (view: CorporationView) => void }) {
  const [n, setN] = useState(corporation.neighbourhoods[0]?.neighbourhoodId ?? "");
  const neighbourhood = corporation.neighbourhoods.find((x) => x.neighbourhoodId === n);
  const [point, setPoint] = useState<GeoPoint | null>(neighbourhood?.map?.centre ?? null);
  const [zoom, setZoom] = useState<Zoom>(zoomOf(neighbourhood?.map?.zoom));
  const [missing, setMissing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  if (!neighbourhood) return null;

  const choose = (id: string) => {
    const next = corporation.neighbourhoods.find((x) => x.neighbourhoodId === id);
    setN(id);
    setPoint(next?.map?.centre ?? null);
    setZoom(zoomOf(next?.map?.zoom));
    setSaved(null);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(null);
    setMissing(point ? null : t("corporation.map.pointMissing"));
    if (!point) {
      document.getElementById("neighbourhood-map-point")?.focus();
      return;
    }
    const view = await action.run(() =>
      api.put<CorporationView>(`${staffPaths.corporationNeighbourhoods(corporation.corporationId)}/${encodeURIComponent(n)}/map`, { ...point, zoom: Number(zoom) }),
    );
    if (view) {
      setSaved(t("corporation.map.saved", { name: neighbourhood.name }));
      onPlaced(view);
    }
  };

  return (
    <form onSubmit={submit} noValidate class="panel" aria-labelledby="neighbourhood-map-title">
      <h3 id="neighbourhood-map-title">{t("corporation.map.title")}</h3>
      <p>{t("corporation.map.lead")}</p>
      {corporation.neighbourhoods.length > 1 && (
        <Field id="neighbourhood-map-which" label={t("corporation.map.neighbourhood")}>
          {(a) => (
            <select {...a} value={n} onChange={(e) => choose(e.currentTarget.value)}>
              {corporation.neighbourhoods.map((x) => (
                <option key={x.neighbourhoodId} value={x.neighbourhoodId}>{x.name}</option>
              ))}
            </select>
          )}
        </Field>
      )}
      <p>
        {neighbourhood.map
          ? t("corporation.map.current", { point: pointInWords(neighbourhood.map.centre), zoom: t(zoomLabel(zoomOf(neighbourhood.map.zoom))) })
          : t("corporation.map.none")}
      </p>
      <PointPicker key={n} id="neighbourhood-map-point" value={point} onChange={setPoint} error={missing ?? action.problem?.forField("latitude")}
        start={neighbourhood.map} legend={t("corporation.map.legend")} hint={t("corporation.map.hint")} />
      <ChoiceGroup id="neighbourhood-map-zoom" legend={t("corporation.map.zoom")} options={[...zooms]} value={zoom} onChange={setZoom}
        label={(option) => t(zoomLabel(option))} />
      <ProblemMessage problem={action.problem} id="neighbourhood-map-problem" />
      <BusyButton busy={action.busy} describedBy={action.problem ? "neighbourhood-map-problem" : undefined}>
        {t("corporation.map.submit")}
      </BusyButton>
      <Status>{saved}</Status>
    </form>
  );
}

const zoomOf = (zoom: number | undefined): Zoom => (zooms as readonly string[]).includes(String(zoom)) ? (String(zoom) as Zoom) : "16";
const zoomLabel = (zoom: Zoom) => `corporation.map.zoom.${zoom}` as Key;
