// Anyone holding a receipt can check it against the published ballot list once voting has closed.
import { useState } from "preact/hooks";
import { api, ApiProblem, cyclePaths } from "../../api/client";
import type { ReceiptCheck } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { Page } from "../../components/Page";
import { describe } from "../../components/Problem";
import { t } from "../../i18n/i18n";

/** A receipt reads `stream#position:hash`; people may paste it with spaces or line breaks around it. */
export function parseReceipt(text: string): { position: number; hash: string } | null {
  const found = /#(\d+):([0-9a-fA-F]{64})\s*$/.exec(text.trim());
  return found ? { position: Number(found[1]), hash: found[2].toLowerCase() } : null;
}

export function CheckReceiptPage({ n, c, receipt }: { n: string; c: string; receipt: string | null }) {
  const [text, setText] = useState(receipt ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReceiptCheck | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setResult(null);
    const parsed = parseReceipt(text);
    if (!parsed) {
      setError(t("checkReceipt.malformed"));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      setResult(await api.get<ReceiptCheck>(`${cyclePaths(n, c).receipt(parsed.position)}?hash=${parsed.hash}`));
    } catch (e) {
      setError(e instanceof ApiProblem ? describe(e) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t("checkReceipt.title")} lead={t("checkReceipt.lead")}>
      <form onSubmit={submit} noValidate>
        <Field id="receipt-text" label={t("checkReceipt.label")} hint={t("checkReceipt.hint")} error={error}>
          {(a) => <textarea {...a} rows={3} spellcheck={false} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />}
        </Field>
        <BusyButton busy={busy}>{t("checkReceipt.submit")}</BusyButton>
      </form>
      <div role="status" aria-live="polite">
        {result && (
          <p class={result.found ? "outcome outcome-good" : "outcome outcome-bad"} data-testid="receipt-check">
            {!result.found ? t("checkReceipt.notFound") : result.counted ? t("checkReceipt.counted") : t("checkReceipt.replaced")}
          </p>
        )}
      </div>
    </Page>
  );
}
