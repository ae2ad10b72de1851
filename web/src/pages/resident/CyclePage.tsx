// A budget cycle as residents follow it: where it stands, what they can do now, the proposals or the ballot's
// projects, and the turnout (and, as far as the corporation chose to show, the votes) arriving live.
import { api, cyclePaths, paths } from "../../api/client";
import type { DeliberationRound, ProposalRules, ProposalSummary, PublicCycle, PublicNeighbourhood } from "../../api/types";
import { href } from "../../app/router";
import { isResidentOf, useSession } from "../../app/session";
import { useLoad } from "../../app/useLoad";
import { LiveCounts } from "../../components/LiveCounts";
import { Page } from "../../components/Page";
import { NextStep, PhaseSteps, phaseName } from "../../components/Phase";
import { Loading } from "../../components/Problem";
import { formatDateTime, formatMoney, formatNumber, t, tn } from "../../i18n/i18n";
import { useLiveCycle } from "../../live/useLiveCycle";
import { ModeratorPanel } from "../moderator/ModeratorPanel";
import { CycleProposals } from "./CycleProposals";

const proposalPhases = new Set(["Ideas", "Deliberation", "Review"]);

export function CyclePage({ n, c }: { n: string; c: string }) {
  const { me } = useSession();
  const api_ = cyclePaths(n, c);
  const cycle = useLoad((signal) => api.get<PublicCycle>(api_.base, { signal }), [n, c]);
  const neighbourhood = useLoad((signal) => api.get<PublicNeighbourhood>(paths.neighbourhood(n), { signal }), [n]);
  const proposals = useLoad((signal) => api.get<ProposalSummary[]>(api_.proposals, { signal }), [n, c]);
  const rules = useLoad((signal) => api.get<ProposalRules>(api_.proposalRules, { signal }), [n, c]);
  const rounds = useLoad((signal) => api.get<DeliberationRound[]>(api_.rounds, { signal }), [n, c]);
  const live = useLiveCycle(n, c);

  if (!cycle.value) return <Page title={t("cycle.loading")}><Loading problem={cycle.problem} /></Page>;
  const value = cycle.value;
  // The live update is newer than the page load whenever it is there.
  const phase = live.update?.phase ?? value.phase;
  const turnout = live.update?.turnout ?? value.turnout;
  const counts = live.update?.counts ?? value.counts;
  const listed = live.proposals?.proposals ?? proposals.value;
  const resident = isResidentOf(me, n, c);

  return (
    <Page title={value.title} lead={neighbourhood.value ? t("cycle.lead", { neighbourhood: neighbourhood.value.name, budget: formatMoney(value.budgetCents, true) }) : undefined}>
      <PhaseSteps phase={phase} schedule={value.schedule} />
      <p class="phase-now">{t("cycle.phaseNow", { phase: phaseName(phase) })}</p>
      <NextStep phase={phase} schedule={value.schedule} />

      <section class="panel" aria-labelledby="cycle-now">
        <h2 id="cycle-now">{t("cycle.whatNow")}</h2>
        <p>{t(`cycle.now.${phase}` as never)}</p>
        <Actions n={n} c={c} phase={phase} resident={resident} signedIn={!!me?.signedIn} />
      </section>
      <ModeratorPanel n={n} c={c} neighbourhood={neighbourhood.value} />

      {(phase === "Voting" || phase === "Results" || phase === "Implementation" || phase === "Closed") && (
        <section class="panel" aria-labelledby="cycle-live">
          <h2 id="cycle-live">{t("cycle.turnoutTitle")}</h2>
          <p class="turnout" aria-live="polite" aria-atomic="true" data-testid="turnout">
            {turnout === null ? t("cycle.turnoutHidden") : tn("cycle.turnout", turnout)}
          </p>
          <p class="live-state" role="status">
            {live.state === "live" ? t("live.connected") : live.state === "connecting" ? t("live.connecting") : t("live.offline")}
          </p>
          {counts && counts.length > 0 && <LiveCounts projects={value.projects} counts={counts} selected={live.update?.selected ?? null} />}
          {value.manifestHash && (
            <p class="fine-print">
              {t("cycle.manifest")} <code class="hash">{value.manifestHash}</code>
            </p>
          )}
        </section>
      )}

      {proposalPhases.has(phase) || (phase !== "Voting" && value.projects.length === 0) ? (
        <section aria-labelledby="cycle-proposals">
          <h2 id="cycle-proposals">{t("cycle.proposals")}</h2>
          {listed ? <CycleProposals n={n} c={c} proposals={listed} categories={rules.value?.categories ?? []} /> : <Loading problem={proposals.problem} />}
        </section>
      ) : (
        <section aria-labelledby="cycle-projects">
          <h2 id="cycle-projects">{t("cycle.projects")}</h2>
          <ul class="card-list">
            {value.projects.map((p) => (
              <li key={p.id} class="card">
                <h3>
                  <a href={href("proposal", { n, c, p: p.id })}>{p.title}</a>
                </h3>
                <p class="meta">{formatMoney(p.costCents)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {rounds.value && rounds.value.length > 0 && (
        <section aria-labelledby="cycle-rounds">
          <h2 id="cycle-rounds">{t("cycle.rounds")}</h2>
          <ul class="card-list">
            {rounds.value.map((round) => (
              <li key={round.number} class="card">
                <h3>{round.question}</h3>
                <p class="meta">
                  {round.closedAt ? t("rounds.closedAt", { at: formatDateTime(round.closedAt) }) : t("rounds.closesAt", { at: formatDateTime(round.closesAt) })}
                  <span>{tn("rounds.proposals", round.proposalIds.length)}</span>
                </p>
                {round.summary && <p class="summary">{round.summary}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="fine-print">{t("cycle.projectsOnBallot", { count: formatNumber(value.projects.length) })}</p>
    </Page>
  );
}

function Actions({ n, c, phase, resident, signedIn }: { n: string; c: string; phase: string; resident: boolean; signedIn: boolean }) {
  const signIn = (
    <a class="button button-primary" href={href("signIn", {}, { neighbourhood: n, returnUrl: window.location.pathname })}>
      {t("cycle.signInToTakePart")}
    </a>
  );
  switch (phase) {
    case "Ideas":
    case "Deliberation":
      return resident ? (
        <a class="button button-primary" href={href("newProposal", { n, c })}>
          {t("cycle.submitProposal")}
        </a>
      ) : signedIn ? null : (
        signIn
      );
    case "Voting":
      return (
        <p class="button-row">
          {resident ? (
            <a class="button button-primary" href={href("ballot", { n, c })}>
              {t("cycle.vote")}
            </a>
          ) : signedIn ? null : (
            signIn
          )}
          <a class="button button-secondary" href={href("checkReceipt", { n, c })}>
            {t("cycle.checkReceipt")}
          </a>
        </p>
      );
    case "Results":
    case "Implementation":
    case "Closed":
      return (
        <p class="button-row">
          <a class="button button-primary" href={href("results", { n, c })}>
            {t("cycle.seeResults")}
          </a>
          <a class="button button-secondary" href={href("checkReceipt", { n, c })}>
            {t("cycle.checkReceipt")}
          </a>
        </p>
      );
    default:
      return null;
  }
}
