// Adding a neighbourhood to the corporation: an id for its web address and the name residents know it by.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import type { CorporationView } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { validId } from "./ids";
import { staffPaths } from "./staffApi";
import { Status } from "./Status";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

export function AddNeighbourhoodForm({ corporationId, onAdded }: { corporationId: string; onAdded: (view: CorporationView) => void }) {
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<{ id?: string | null; name?: string | null }>({});
  const [added, setAdded] = useState<string | null>(null);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = {
      id: validId(id.trim()) ? null : t("corporation.neighbourhood.idInvalid"),
      name: name.trim() ? null : t("corporation.neighbourhood.nameMissing"),
    };
    setErrors(found);
    setAdded(null);
    if (found.id || found.name) return;
    const view = await action.run(() => api.post<CorporationView>(staffPaths.corporationNeighbourhoods(corporationId), { neighbourhoodId: id.trim(), name: name.trim() }));
    if (view) {
      setAdded(name.trim());
      setId("");
      setName("");
      onAdded(view);
    }
  };
  return (
    <form onSubmit={submit} noValidate class="panel" aria-labelledby="add-neighbourhood-title">
      <h3 id="add-neighbourhood-title">{t("corporation.neighbourhood.add")}</h3>
      <Field id="neighbourhood-id" label={t("corporation.neighbourhood.id")} hint={t("corporation.neighbourhood.idHint")} error={errors.id ?? action.problem?.forField("neighbourhoodId")}>
        {(a) => <TextInput a={a} value={id} onInput={setId} autocomplete="off" />}
      </Field>
      <Field id="neighbourhood-name" label={t("corporation.neighbourhood.name")} error={errors.name ?? action.problem?.forField("name")}>
        {(a) => <TextInput a={a} value={name} onInput={setName} autocomplete="off" />}
      </Field>
      <ProblemMessage problem={action.problem} id="add-neighbourhood-problem" />
      <BusyButton busy={action.busy} describedBy={action.problem ? "add-neighbourhood-problem" : undefined}>
        {t("corporation.neighbourhood.submit")}
      </BusyButton>
      <Status>{added && t("corporation.neighbourhood.added", { name: added })}</Status>
    </form>
  );
}
