// Withdrawing a proposal, for its authors: a reason supporters will read, and a second, explicit step, because
// it cannot be undone.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { ProposalDetails } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { describe } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { useAction } from "./useAction";

const maxLength = 500;

export function Withdraw({ n, c, details, onChange }: { n: string; c: string; details: ProposalDetails; onChange: (d: ProposalDetails) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const field = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Focus follows the step: into the reason when it opens, back to the button when it is cancelled.
    if (open) field.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <button type="button" class="button button-secondary" ref={opener} onClick={() => setOpen(true)}>
        {t("proposal.withdraw.start")}
      </button>
    );
  }
  const confirm = async (event: Event) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text || text.length > maxLength) {
      setError(t("proposal.withdraw.reasonLength", { max: maxLength }));
      field.current?.focus();
      return;
    }
    setError(null);
    await run(async () => onChange(await api.post<ProposalDetails>(`${cyclePaths(n, c).proposal(details.proposalId)}/withdraw`, { reason: text })));
  };
  return (
    <form class="panel confirm" onSubmit={confirm} noValidate aria-labelledby="withdraw-title">
      <h3 id="withdraw-title">{t("proposal.withdraw.title")}</h3>
      <p>{t("proposal.withdraw.warning")}</p>
      <Field id="withdraw-reason" label={t("proposal.withdraw.reason")} hint={t("proposal.withdraw.reasonHint", { max: maxLength })} error={error ?? (problem ? describe(problem) : null)}>
        {(a) => <textarea {...a} ref={field} name="reason" rows={3} maxLength={maxLength} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />}
      </Field>
      <p class="button-row">
        <BusyButton busy={busy} kind="danger">
          {t("proposal.withdraw.confirm")}
        </BusyButton>
        <button type="button" class="button button-secondary" disabled={busy} onClick={() => setOpen(false)}>
          {t("proposal.withdraw.cancel")}
        </button>
      </p>
    </form>
  );
}
