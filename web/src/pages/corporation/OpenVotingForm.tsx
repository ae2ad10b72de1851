// Opening voting: the ballot design, the rule that picks the winners, whether a household may vote again, and
// what the public sees while voting runs. A confirmation says that all of it is frozen once voting opens; the
// page then shows the fingerprint (manifest hash) voters see.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { CycleAdministration } from "../../api/types";
import { t } from "../../i18n/i18n";
import { ConfirmAction } from "./ConfirmAction";
import { ruleName } from "./texts";
import { useAction } from "./useAction";
import { VotingDesignFields } from "./VotingDesignFields";
import { checkDraft, initialDraft, voterText, type DesignDraft } from "./votingDesign";

interface Props { n: string; c: string; budgetCents: number; onOpened: (next: CycleAdministration) => void }

export function OpenVotingForm({ n, c, budgetCents, onOpened }: Props) {
  const [draft, setDraft] = useState<DesignDraft>(() => initialDraft(budgetCents));
  const [attempts, setAttempts] = useState(0);
  const action = useAction();
  const checked = checkDraft(draft);
  const shown = attempts > 0;
  const errors = shown ? checked.errors : {};
  const summary = useRef<HTMLDivElement>(null);
  const change = <K extends keyof DesignDraft>(key: K) => (value: DesignDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const invalid = Object.keys(checked.errors).length > 0;
  useEffect(() => {
    if (shown && invalid) summary.current?.focus();
  }, [attempts]);

  const open = async () => {
    if (!checked.ballot) return false;
    const next = await action.run(() =>
      api.post<CycleAdministration>(cyclePaths(n, c).openVoting, {
        ballot: checked.ballot,
        rule: checked.rule,
        revote: draft.revote,
        live: { disclosure: draft.disclosure, minimumTurnout: checked.minimumTurnout },
      }),
    );
    if (next) onOpened(next);
    return !!next;
  };

  return (
    <form class="open-voting" onSubmit={(e) => e.preventDefault()} noValidate aria-labelledby="open-voting-title">
      <h3 id="open-voting-title">{t("corporation.open.title")}</h3>
      <p>{t("corporation.open.lead")}</p>
      <VotingDesignFields id="open" draft={draft} change={change} errors={errors} />
      <div ref={summary} tabIndex={-1}>
        {shown && invalid && (
          <p class="problem" role="alert">
            {t("corporation.open.fixFirst")}
          </p>
        )}
      </div>
      <ConfirmAction
        id="open-voting-confirm"
        kind="primary"
        action={action}
        onConfirm={open}
        beforeAsk={() => {
          setAttempts((a) => a + 1);
          return !invalid;
        }}
        ask={t("corporation.open.ask")}
        confirm={t("corporation.open.confirm")}
        explain={
          checked.ballot && (
            <>
              <p>
                <strong>{t("corporation.open.frozen")}</strong>
              </p>
              <ul>
                <li>{t("corporation.open.summary.ballot", { text: voterText(checked.ballot, budgetCents) })}</li>
                <li>{t("corporation.open.summary.rule", { rule: ruleName(checked.rule) })}</li>
                <li>{t(`corporation.open.revote.${draft.revote}`)}</li>
                <li>{t(`corporation.open.live.${draft.disclosure}`)}</li>
              </ul>
              <p>{t("corporation.open.projects")}</p>
            </>
          )
        }
      />
    </form>
  );
}
