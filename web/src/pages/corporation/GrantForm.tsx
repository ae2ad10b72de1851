// Granting a role to a person (issuer + subject at their identity provider) for every neighbourhood or some.
// Granting a role the person already holds changes the neighbourhoods it covers.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import type { CorporationView, StaffRole } from "../../api/types";
import { useSession } from "../../app/session";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/Problem";
import { t, type Key } from "../../i18n/i18n";
import { roles } from "./roles";
import { staffPaths } from "./staffApi";
import { Status } from "./Status";
import { roleName } from "./texts";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

export function GrantForm({ corporation, onGranted }: { corporation: CorporationView; onGranted: (view: CorporationView) => void }) {
  const { me } = useSession();
  const [issuer, setIssuer] = useState(me?.staff?.issuer ?? "");
  const [subject, setSubject] = useState("");
  const [role, setRole] = useState<StaffRole>("Moderator");
  const [everywhere, setEverywhere] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [granted, setGranted] = useState<string | null>(null);
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = {
      issuer: issuer.trim() ? null : t("corporation.operator.issuerMissing"),
      subject: subject.trim() ? null : t("corporation.operator.subjectMissing"),
      where: everywhere || chosen.length > 0 ? null : t("corporation.grant.chooseNeighbourhood"),
    };
    setErrors(found);
    setGranted(null);
    if (Object.values(found).some(Boolean)) return;
    const view = await action.run(() =>
      api.put<CorporationView>(staffPaths.corporationStaff(corporation.corporationId), {
        issuer: issuer.trim(),
        subject: subject.trim(),
        role,
        neighbourhoods: everywhere ? [] : chosen,
      }),
    );
    if (view) {
      setGranted(t("corporation.grant.granted", { role: roleName(role), subject: subject.trim() }));
      setSubject("");
      onGranted(view);
    }
  };

  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((x) => x !== id));

  return (
    <form onSubmit={submit} noValidate class="panel" aria-labelledby="grant-title">
      <h3 id="grant-title">{t("corporation.grant.title")}</h3>
      <p class="hint">{t("corporation.person.hint")}</p>
      <Field id="grant-issuer" label={t("corporation.person.issuer")} error={errors.issuer}>
        {(a) => <TextInput a={a} value={issuer} onInput={setIssuer} type="url" autocomplete="off" />}
      </Field>
      <Field id="grant-subject" label={t("corporation.person.subject")} error={errors.subject}>
        {(a) => <TextInput a={a} value={subject} onInput={setSubject} autocomplete="off" />}
      </Field>
      <fieldset class="plain-fieldset">
        <legend>{t("corporation.grant.role")}</legend>
        {roles.map((r) => (
          <div class="choice" key={r}>
            <input type="radio" id={`grant-role-${r}`} name="grant-role" value={r} checked={role === r} onChange={() => setRole(r)} aria-describedby={`grant-role-${r}-hint`} />
            <label for={`grant-role-${r}`}>{roleName(r)}</label>
            <p class="hint" id={`grant-role-${r}-hint`}>
              {t(`corporation.role.explain.${r}` as Key)}
            </p>
          </div>
        ))}
      </fieldset>
      <fieldset class="plain-fieldset" aria-describedby={errors.where ? "grant-where-error" : undefined}>
        <legend>{t("corporation.grant.where")}</legend>
        <div class="choice">
          <input type="radio" id="grant-everywhere" name="grant-where" checked={everywhere} onChange={() => setEverywhere(true)} />
          <label for="grant-everywhere">{t("corporation.grant.everywhere")}</label>
        </div>
        <div class="choice">
          <input type="radio" id="grant-some" name="grant-where" checked={!everywhere} onChange={() => setEverywhere(false)} />
          <label for="grant-some">{t("corporation.grant.some")}</label>
        </div>
        {!everywhere && (
          <ul class="plain-list indented">
            {corporation.neighbourhoods.map((n) => (
              <li key={n.neighbourhoodId} class="choice">
                <input type="checkbox" id={`grant-n-${n.neighbourhoodId}`} checked={chosen.includes(n.neighbourhoodId)} onChange={(e) => toggle(n.neighbourhoodId, (e.target as HTMLInputElement).checked)} />
                <label for={`grant-n-${n.neighbourhoodId}`}>{n.name}</label>
              </li>
            ))}
          </ul>
        )}
        {errors.where && (
          <p class="field-error" id="grant-where-error">
            {errors.where}
          </p>
        )}
      </fieldset>
      <ProblemMessage problem={action.problem} id="grant-problem" />
      <BusyButton busy={action.busy} describedBy={action.problem ? "grant-problem" : undefined}>
        {t("corporation.grant.submit")}
      </BusyButton>
      <Status>{granted}</Status>
    </form>
  );
}
