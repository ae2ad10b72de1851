// Offers of help: what neighbours will do to make the proposal happen, and a form to add one.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { ProposalDetails } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { describe } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { useAction } from "./useAction";

const maxLength = 300;

export function Pledges({ n, c, details, canAct, onChange }: { n: string; c: string; details: ProposalDetails; canAct: boolean; onChange: (d: ProposalDetails) => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const pledge = text.trim();
    if (pledge.length < 3 || pledge.length > maxLength || /\n/.test(pledge)) {
      setError(t("proposal.pledge.length", { max: maxLength }));
      document.getElementById("pledge-text")?.focus();
      return;
    }
    setError(null);
    const ok = await run(async () => onChange(await api.post<ProposalDetails>(`${cyclePaths(n, c).proposal(details.proposalId)}/pledges`, { text: pledge })));
    if (ok) setText("");
  };
  return (
    <section aria-labelledby="pledges-title">
      <h2 id="pledges-title">{t("proposal.pledges")}</h2>
      {details.pledges.length === 0 ? (
        <p>{t("proposal.pledge.none")}</p>
      ) : (
        <ul class="pledges">
          {details.pledges.map((p) => (
            <li key={p.number}>
              {p.text}
              {p.mine && <span class="badge">{t("proposal.pledge.mine")}</span>}
            </li>
          ))}
        </ul>
      )}
      {canAct && (
        <form onSubmit={submit} noValidate>
          <Field id="pledge-text" label={t("proposal.pledge.label")} hint={t("proposal.pledge.hint", { max: maxLength })} error={error ?? (problem ? describe(problem) : null)}>
            {(a) => <input {...a} type="text" name="pledge" maxLength={maxLength} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />}
          </Field>
          <BusyButton busy={busy}>{t("proposal.pledge.submit")}</BusyButton>
        </form>
      )}
    </section>
  );
}
