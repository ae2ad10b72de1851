// Paper ballots, entered by moderators with the household's voting code, each ballot twice by two different
// moderators: the first entry waits, the second matching entry counts it (and closes the code for online
// voting), a second entry that differs is refused. The ballot form is the residents' own, so the same rules apply.
import { useRef, useState } from "preact/hooks";
import { api, ApiProblem, cyclePaths } from "../../api/client";
import type { PaperBallotAnswer, PublicCycle } from "../../api/types";
import { useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { describe, Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { BallotForm } from "../resident/ballot/BallotForm";
import { check, toLines } from "../resident/ballot/ballotRules";
import { CyclePageFrame, type CycleContext } from "./CyclePageFrame";
import { canEnterPaperBallots } from "./roles";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

export function PaperBallotsPage({ n, c }: { n: string; c: string }) {
  return (
    <CyclePageFrame n={n} c={c} route="paperBallots" title={t("corporation.paper.title")}>
      {(context) => <PaperBallots {...context} />}
    </CyclePageFrame>
  );
}

function PaperBallots({ n, c, admin, neighbourhood }: CycleContext) {
  const { me } = useSession();
  // The public view carries the ballot design and the projects on the ballot.
  const cycle = useLoad((signal) => api.get<PublicCycle>(cyclePaths(n, c).base, { signal }), [n, c]);
  const explanation = (
    <section aria-labelledby="paper-how" class="panel">
      <h2 id="paper-how">{t("corporation.paper.how")}</h2>
      <ol>
        <li>{t("corporation.paper.how1")}</li>
        <li>{t("corporation.paper.how2")}</li>
        <li>{t("corporation.paper.how3")}</li>
      </ol>
    </section>
  );
  if (admin.cycle.phase !== "Voting") {
    return (
      <>
        {explanation}
        <p class="notice">{t("corporation.paper.notVoting")}</p>
      </>
    );
  }
  if (!canEnterPaperBallots(me, neighbourhood.corporationId, n)) {
    return (
      <>
        {explanation}
        <p class="notice">{t("corporation.paper.moderatorsOnly")}</p>
      </>
    );
  }
  if (!cycle.value?.ballot) return <Loading problem={cycle.problem} />;
  return (
    <>
      {explanation}
      <PaperBallotForm n={n} c={c} cycle={cycle.value} />
    </>
  );
}

function PaperBallotForm({ n, c, cycle }: { n: string; c: string; cycle: PublicCycle }) {
  const ballot = cycle.ballot!;
  const [code, setCode] = useState("");
  const [choices, setChoices] = useState<Map<string, number>>(new Map());
  const [attempted, setAttempted] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ answer: PaperBallotAnswer; code: string } | null>(null);
  const action = useAction();
  const answerRegion = useRef<HTMLDivElement>(null);
  const state = check(ballot, cycle.projects, choices, cycle.budgetCents);

  const submit = async (event: Event) => {
    event.preventDefault();
    setAttempted(true);
    setAnswer(null);
    setCodeError(code.trim() ? null : t("corporation.paper.codeMissing"));
    if (!code.trim() || state.problems.length > 0) return;
    const result = await action.run(() => api.post<PaperBallotAnswer>(cyclePaths(n, c).paperBallots, { code: code.trim(), entries: toLines(ballot, choices) }));
    if (result) {
      setAnswer({ answer: result, code: code.trim().toUpperCase() });
      // Ready for the next paper ballot.
      setCode("");
      setChoices(new Map());
      setAttempted(false);
    }
    queueMicrotask(() => answerRegion.current?.focus());
  };

  return (
    <section aria-labelledby="paper-enter">
      <h2 id="paper-enter">{t("corporation.paper.enter")}</h2>
      <div ref={answerRegion} tabIndex={-1} aria-live="polite" class="paper-answer">
        {answer && <Answer {...answer} />}
        {action.problem && <Refused problem={action.problem} />}
      </div>
      <form onSubmit={submit} noValidate>
        <Field id="paper-code" label={t("corporation.paper.code")} hint={t("corporation.paper.codeHint")} error={codeError}>
          {(a) => <TextInput a={a} value={code} onInput={setCode} autocomplete="off" class="code-input" />}
        </Field>
        <BallotForm ballot={ballot} projects={cycle.projects} budgetCents={cycle.budgetCents} choices={choices} onChange={setChoices} />
        {attempted && state.problems.length > 0 && (
          <div class="problem" role="alert">
            <p>{t("corporation.paper.notComplete")}</p>
            <ul>
              {state.problems.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        )}
        <BusyButton busy={action.busy}>{t("corporation.paper.submit")}</BusyButton>
      </form>
    </section>
  );
}

function Answer({ answer, code }: { answer: PaperBallotAnswer; code: string }) {
  return answer.counted ? (
    <div class="outcome outcome-good" data-testid="paper-answer">
      <p>{t("corporation.paper.counted", { code })}</p>
      {answer.receipt && (
        <p>
          {t("corporation.paper.receipt")} <code class="hash">{answer.receipt}</code>
        </p>
      )}
    </div>
  ) : (
    <div class="outcome outcome-waiting" data-testid="paper-answer">
      <p>{t("corporation.paper.waiting", { code })}</p>
    </div>
  );
}

function Refused({ problem }: { problem: ApiProblem }) {
  return (
    <div class="problem" role="alert" data-testid="paper-answer">
      <p>{t("corporation.paper.refused")}</p>
      <p>{describe(problem)}</p>
    </div>
  );
}
