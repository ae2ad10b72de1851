// One funded project: its progress reports so far and a form for the next one.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { ImplementationStatus, ProposalDetails } from "../../api/types";
import { href } from "../../app/router";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { Loading, ProblemMessage } from "../../components/Problem";
import { formatDateTime, t } from "../../i18n/i18n";
import { staffPaths } from "./staffApi";
import { Status } from "./Status";
import { statusName } from "./texts";
import { useAction } from "./useAction";

const statuses: ImplementationStatus[] = ["Planned", "InProgress", "Done", "Cancelled"];

interface Props { n: string; c: string; p: string; title: string; manage: boolean }

export function ImplementationCard({ n, c, p, title, manage }: Props) {
  const details = useLoad((signal) => api.get<ProposalDetails>(cyclePaths(n, c).proposal(p), { signal }), [n, c, p]);
  const headingId = `implementation-${p}`;
  return (
    <li class="card implementation-card">
      <section aria-labelledby={headingId}>
        <h3 id={headingId}>
          <a href={href("proposal", { n, c, p })}>{title}</a>
        </h3>
        {!details.value ? (
          <Loading problem={details.problem} />
        ) : (
          <>
            {details.value.implementation.length === 0 ? (
              <p>{t("corporation.implementation.noUpdates")}</p>
            ) : (
              <ol class="updates">
                {details.value.implementation.map((u, i) => (
                  <li key={i}>
                    <strong>{statusName(u.status)}</strong> <span class="meta-inline">{formatDateTime(u.at)}</span>
                    {u.note && <p>{u.note}</p>}
                  </li>
                ))}
              </ol>
            )}
            {manage && <UpdateForm n={n} c={c} p={p} title={title} current={details.value.implementation.at(-1)?.status} onSaved={details.set} />}
          </>
        )}
      </section>
    </li>
  );
}

function UpdateForm({ n, c, p, title, current, onSaved }: { n: string; c: string; p: string; title: string; current?: ImplementationStatus; onSaved: (d: ProposalDetails) => void }) {
  const [status, setStatus] = useState<ImplementationStatus>(current ?? "Planned");
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const id = `update-${p}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(null);
    const next = await action.run(() => api.post<ProposalDetails>(staffPaths.implementation(n, c, p), { status, note: note.trim() }));
    if (next) {
      setSaved(t("corporation.implementation.saved"));
      setNote("");
      onSaved(next);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field id={`${id}-status`} label={t("corporation.implementation.status")}>
        {(a) => (
          <select {...a} value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as ImplementationStatus)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusName(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-note`} label={t("corporation.implementation.note")} hint={t("corporation.implementation.noteHint")} error={action.problem?.forField("note")}>
        {(a) => <textarea {...a} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />}
      </Field>
      <ProblemMessage problem={action.problem} id={`${id}-problem`} />
      <BusyButton busy={action.busy} describedBy={action.problem ? `${id}-problem` : undefined}>
        {t("corporation.implementation.save")}
        <span class="visually-hidden"> ({title})</span>
      </BusyButton>
      <Status>{saved}</Status>
    </form>
  );
}
