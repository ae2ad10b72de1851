// Merging a duplicate into another proposal: choose both, confirm, and see the result. Authors, supporters (each
// household once) and offers of help move to the proposal that stays; the duplicate points to it.
import { useRef, useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { ProposalDetails, ProposalSummary } from "../../api/types";
import { href } from "../../app/router";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { Loading, ProblemMessage } from "../../components/Problem";
import { t, tn } from "../../i18n/i18n";
import { useAction } from "../proposals/useAction";

type Step = "choose" | "confirm" | "done";

export function MergeTool({ n, c }: { n: string; c: string }) {
  const paths = cyclePaths(n, c);
  const proposals = useLoad((signal) => api.get<ProposalSummary[]>(paths.proposals, { signal }), [n, c]);
  const [duplicate, setDuplicate] = useState("");
  const [target, setTarget] = useState("");
  const [errors, setErrors] = useState<{ duplicate?: string; target?: string }>({});
  const [step, setStep] = useState<Step>("choose");
  const [result, setResult] = useState<ProposalDetails | null>(null);
  const { busy, problem, run, clear } = useAction();
  const panel = useRef<HTMLDivElement>(null);
  const show = (next: Step) => {
    setStep(next);
    // The next step replaces the form: move focus to it so keyboard and screen-reader users follow.
    setTimeout(() => panel.current?.focus(), 0);
  };

  if (!proposals.value) return <section aria-labelledby="merge-title"><h2 id="merge-title">{t("moderation.merge.title")}</h2><Loading problem={proposals.problem} /></section>;
  const open = proposals.value.filter((p) => p.status === "Open");
  const byId = new Map(proposals.value.map((p) => [p.proposalId, p]));

  const check = (event: Event) => {
    event.preventDefault();
    clear();
    const found = {
      duplicate: duplicate ? undefined : t("moderation.merge.chooseDuplicate"),
      target: !target ? t("moderation.merge.chooseTarget") : target === duplicate ? t("moderation.merge.same") : undefined,
    };
    setErrors(found);
    if (found.duplicate || found.target) {
      document.getElementById(found.duplicate ? "merge-duplicate" : "merge-target")?.focus();
      return;
    }
    show("confirm");
  };
  const merge = async () => {
    const ok = await run(async () => setResult(await api.post<ProposalDetails>(`${paths.proposal(target)}/merge`, { duplicateId: duplicate })));
    if (ok) {
      show("done");
      void proposals.reload();
    }
  };
  const again = () => {
    setDuplicate("");
    setTarget("");
    setResult(null);
    show("choose");
  };
  const choice = (p: ProposalSummary) => `${p.title} (${tn("proposals.supporters", p.supporters)})`;

  return (
    <section aria-labelledby="merge-title">
      <h2 id="merge-title">{t("moderation.merge.title")}</h2>
      <p>{t("moderation.merge.lead")}</p>
      <div ref={panel} tabIndex={-1} class="merge-step">
        {step === "choose" && (
          <form onSubmit={check} noValidate>
            <Field id="merge-duplicate" label={t("moderation.merge.duplicate")} error={errors.duplicate}>
              {(a) => (
                <select {...a} value={duplicate} onChange={(e) => setDuplicate((e.target as HTMLSelectElement).value)}>
                  <option value="">{t("moderation.merge.choose")}</option>
                  {open.map((p) => <option key={p.proposalId} value={p.proposalId}>{choice(p)}</option>)}
                </select>
              )}
            </Field>
            <Field id="merge-target" label={t("moderation.merge.target")} error={errors.target}>
              {(a) => (
                <select {...a} value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
                  <option value="">{t("moderation.merge.choose")}</option>
                  {open.map((p) => <option key={p.proposalId} value={p.proposalId}>{choice(p)}</option>)}
                </select>
              )}
            </Field>
            <button type="submit" class="button button-primary">
              {t("moderation.merge.next")}
            </button>
          </form>
        )}
        {step === "confirm" && (
          <div class="panel confirm">
            <h3>{t("moderation.merge.confirmTitle")}</h3>
            <p>{t("moderation.merge.confirmText", { duplicate: byId.get(duplicate)?.title ?? duplicate, target: byId.get(target)?.title ?? target })}</p>
            <p>{t("moderation.merge.cannotUndo")}</p>
            <ProblemMessage problem={problem} id="merge-problem" />
            <p class="button-row">
              <BusyButton type="button" kind="danger" busy={busy} onClick={merge} describedBy={problem ? "merge-problem" : undefined}>
                {t("moderation.merge.confirm")}
              </BusyButton>
              <button type="button" class="button button-secondary" disabled={busy} onClick={() => show("choose")}>
                {t("moderation.merge.back")}
              </button>
            </p>
          </div>
        )}
        {step === "done" && result && (
          <div class="panel" role="status">
            <h3>{t("moderation.merge.doneTitle")}</h3>
            <p>{t("moderation.merge.doneText", { duplicate: byId.get(duplicate)?.title ?? duplicate, target: result.text.title })}</p>
            <p>{tn("moderation.merge.doneSupporters", result.supporters)}</p>
            <p class="button-row">
              <a href={href("proposal", { n, c, p: result.proposalId })}>{t("moderation.merge.see", { title: result.text.title })}</a>
              <button type="button" class="button button-secondary" onClick={again}>
                {t("moderation.merge.again")}
              </button>
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
