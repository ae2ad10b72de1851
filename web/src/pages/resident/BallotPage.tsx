// Voting: fill in the ballot, look it over, cast it, and keep the receipt. The receipt appears only after the
// server has stored the ballot durably; a retry after a lost answer sends the same idempotency key, so it returns
// the same receipt instead of a second ballot.
import { useState } from "preact/hooks";
import { api, ApiProblem, cyclePaths } from "../../api/client";
import type { BallotAccepted, MyBallot, PublicCycle } from "../../api/types";
import { href } from "../../app/router";
import { isResidentOf, useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { BusyButton } from "../../components/BusyButton";
import { Page } from "../../components/Page";
import { Loading, ProblemMessage } from "../../components/Problem";
import { formatMoney, t } from "../../i18n/i18n";
import { BallotForm } from "./ballot/BallotForm";
import { check, explain, toLines } from "./ballot/ballotRules";
import { Receipt } from "./ballot/Receipt";

type Step = "fill" | "review" | "done";

export function BallotPage({ n, c }: { n: string; c: string }) {
  const { me } = useSession();
  const p = cyclePaths(n, c);
  const cycle = useLoad((signal) => api.get<PublicCycle>(p.base, { signal }), [n, c]);
  const mine = useLoad(
    (signal) => api.get<MyBallot>(p.myBallot, { signal }).catch((e: ApiProblem) => (e.status === 404 ? null : Promise.reject(e))),
    [n, c, isResidentOf(me, n, c)],
  );
  const [choices, setChoices] = useState<Map<string, number> | null>(null);
  const [step, setStep] = useState<Step>("fill");
  const [attempted, setAttempted] = useState(false);
  const [key, setKey] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [accepted, setAccepted] = useState<BallotAccepted | null>(null);

  if (me && !isResidentOf(me, n, c)) {
    return (
      <Page title={t("ballot.title")}>
        {/* Signed in, but not as a resident of this cycle: the server says why (another neighbourhood, a revoked code…). */}
        {mine.problem?.status === 403 && <ProblemMessage problem={mine.problem} />}
        <p>{t("ballot.signInFirst")}</p>
        <a class="button button-primary" href={href("signIn", {}, { neighbourhood: n, returnUrl: href("ballot", { n, c }) })}>
          {t("frame.signIn")}
        </a>
      </Page>
    );
  }
  if (!cycle.value || mine.value === undefined) return <Page title={t("ballot.title")}><Loading problem={cycle.problem ?? mine.problem} /></Page>;
  const { ballot, projects, budgetCents, phase, title } = cycle.value;
  if (phase !== "Voting" || !ballot) {
    return (
      <Page title={t("ballot.title")}>
        <p>{t("ballot.notOpen")}</p>
        <a href={href("cycle", { n, c })}>{t("ballot.backToCycle", { cycle: title })}</a>
      </Page>
    );
  }
  const current = choices ?? new Map((mine.value?.entries ?? []).map((l) => [l.projectId, l.value]));
  const state = check(ballot, projects, current, budgetCents);

  const review = (event: Event) => {
    event.preventDefault();
    setAttempted(true);
    if (state.problems.length > 0) {
      document.getElementById("ballot-problems")?.focus();
      return;
    }
    setKey(crypto.randomUUID());
    setProblem(null);
    setStep("review");
  };

  const cast = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setAccepted(await api.post<BallotAccepted>(p.ballots, { entries: toLines(ballot, current) }, { idempotencyKey: key }));
      setStep("done");
      await mine.reload();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, String(error), null, {}));
    } finally {
      setBusy(false);
    }
  };

  if (step === "done" && accepted) {
    return (
      <Page title={t("ballot.doneTitle")}>
        <p>{accepted.replacedEarlierBallot ? t("ballot.replaced") : t("ballot.counted")}</p>
        <Receipt n={n} c={c} receipt={accepted.receipt} position={accepted.position} entryHash={accepted.entryHash} />
        <p>
          <a href={href("cycle", { n, c })}>{t("ballot.backToCycle", { cycle: title })}</a>
        </p>
      </Page>
    );
  }

  if (step === "review") {
    const lines = toLines(ballot, current);
    const byId = new Map(projects.map((x) => [x.id, x]));
    return (
      <Page title={t("ballot.reviewTitle")} lead={t("ballot.reviewLead")}>
        <ol class="review-list">
          {lines.map((line) => (
            <li key={line.projectId}>
              <span class="project-title">{byId.get(line.projectId)?.title}</span> <span class="meta">{formatMoney(byId.get(line.projectId)?.costCents ?? 0)}</span>
              {ballot.kind === "Cumulative" && <span class="meta">{t("ballot.points", { points: line.value })}</span>}
            </li>
          ))}
        </ol>
        <ProblemMessage problem={problem} id="ballot-cast-problem" />
        <p class="button-row">
          <BusyButton busy={busy} type="button" onClick={cast} describedBy={problem ? "ballot-cast-problem" : undefined}>
            {problem?.status === 0 ? t("ballot.tryAgain") : t("ballot.cast")}
          </BusyButton>
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => setStep("fill")}>
            {t("ballot.change")}
          </button>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t("ballot.title")} lead={explain(ballot, budgetCents)}>
      {mine.value && (
        <p class="notice">
          {t("ballot.alreadyVoted")} <a href={href("checkReceipt", { n, c }, { receipt: mine.value.receipt })}>{t("ballot.yourReceipt")}</a>
        </p>
      )}
      <form onSubmit={review} noValidate>
        <BallotForm ballot={ballot} projects={projects} budgetCents={budgetCents} choices={current} onChange={setChoices} />
        {attempted && state.problems.length > 0 && (
          <div class="problem" role="alert" id="ballot-problems" tabIndex={-1}>
            <p>{t("ballot.notYet")}</p>
            <ul>
              {state.problems.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" class="button button-primary">
          {t("ballot.toReview")}
        </button>
      </form>
    </Page>
  );
}
