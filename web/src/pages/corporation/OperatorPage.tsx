// The platform operator registers a housing corporation together with its first administrator (the person's
// issuer and subject at their identity provider) and sees every corporation on the installation.
import { useState } from "preact/hooks";
import { api, paths } from "../../api/client";
import type { CorporationSummary, CorporationView } from "../../api/types";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { Page } from "../../components/Page";
import { Loading, ProblemMessage } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { StaffGate } from "./StaffGate";
import { Status } from "./Status";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";
import { validId } from "./ids";

export function OperatorPage() {
  return (
    <StaffGate title={t("corporation.operator.title")}>
      {(staff) =>
        staff.platformOperator ? (
          <Operator issuer={staff.issuer} />
        ) : (
          <Page title={t("corporation.operator.title")}>
            <p>{t("corporation.operator.notOperator")}</p>
          </Page>
        )
      }
    </StaffGate>
  );
}

function Operator({ issuer: ownIssuer }: { issuer: string }) {
  const list = useLoad((signal) => api.get<CorporationSummary[]>(paths.corporations, { signal }), []);
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [issuer, setIssuer] = useState(ownIssuer);
  const [subject, setSubject] = useState("");
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [registered, setRegistered] = useState<CorporationView | null>(null);
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = {
      id: validId(id.trim()) ? null : t("corporation.operator.idInvalid"),
      name: name.trim() ? null : t("corporation.operator.nameMissing"),
      issuer: issuer.trim() ? null : t("corporation.operator.issuerMissing"),
      subject: subject.trim() ? null : t("corporation.operator.subjectMissing"),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const view = await action.run(() =>
      api.post<CorporationView>(paths.corporations, {
        corporationId: id.trim(),
        name: name.trim(),
        firstAdministrator: { issuer: issuer.trim(), subject: subject.trim() },
      }),
    );
    if (view) {
      setRegistered(view);
      setId("");
      setName("");
      setSubject("");
      await list.reload();
    }
  };

  return (
    <Page title={t("corporation.operator.title")} lead={t("corporation.operator.lead")}>
      <section aria-labelledby="operator-register">
        <h2 id="operator-register">{t("corporation.operator.register")}</h2>
        <form onSubmit={submit} noValidate>
          <Field id="corporation-id" label={t("corporation.operator.id")} hint={t("corporation.operator.idHint")} error={errors.id ?? action.problem?.forField("corporationId")}>
            {(a) => <TextInput a={a} value={id} onInput={setId} autocomplete="off" />}
          </Field>
          <Field id="corporation-name" label={t("corporation.operator.name")} error={errors.name ?? action.problem?.forField("name")}>
            {(a) => <TextInput a={a} value={name} onInput={setName} autocomplete="organization" />}
          </Field>
          <fieldset class="plain-fieldset">
            <legend>{t("corporation.operator.firstAdministrator")}</legend>
            <p class="hint">{t("corporation.person.hint")}</p>
            <Field id="corporation-admin-issuer" label={t("corporation.person.issuer")} error={errors.issuer}>
              {(a) => <TextInput a={a} value={issuer} onInput={setIssuer} type="url" autocomplete="off" />}
            </Field>
            <Field id="corporation-admin-subject" label={t("corporation.person.subject")} error={errors.subject}>
              {(a) => <TextInput a={a} value={subject} onInput={setSubject} autocomplete="off" />}
            </Field>
          </fieldset>
          <ProblemMessage problem={action.problem} id="operator-register-problem" />
          <BusyButton busy={action.busy} describedBy={action.problem ? "operator-register-problem" : undefined}>
            {t("corporation.operator.submit")}
          </BusyButton>
        </form>
        <Status>{registered && t("corporation.operator.registered", { name: registered.name })}</Status>
      </section>
      <section aria-labelledby="operator-list">
        <h2 id="operator-list">{t("corporation.operator.list")}</h2>
        {!list.value ? (
          <Loading problem={list.problem} />
        ) : list.value.length === 0 ? (
          <p>{t("corporation.operator.none")}</p>
        ) : (
          <ul class="plain-list">
            {list.value.map((c) => (
              <li key={c.corporationId}>
                {c.name} <span class="meta-inline">({c.corporationId})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
