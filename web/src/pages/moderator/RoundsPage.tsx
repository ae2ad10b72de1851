// Deliberation rounds for moderators: the rounds so far, opening a new one on chosen proposals, and closing one
// with a summary that then shows on every proposal it covered.
import { api, cyclePaths } from "../../api/client";
import type { DeliberationRound, ProposalSummary } from "../../api/types";
import { href } from "../../app/router";
import { useLoad } from "../../app/useLoad";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { phaseName } from "../../components/Phase";
import { t } from "../../i18n/i18n";
import { ModeratorGate } from "./ModeratorGate";
import { OpenRoundForm } from "./OpenRoundForm";
import { RoundCard } from "./RoundCard";

export function RoundsPage({ n, c }: { n: string; c: string }) {
  const title = t("moderation.rounds.title");
  return (
    <ModeratorGate n={n} c={c} title={title} returnTo={href("rounds", { n, c })}>
      {(cycle) => <Rounds n={n} c={c} title={title} cycleTitle={cycle.title} phase={cycle.phase} />}
    </ModeratorGate>
  );
}

function Rounds({ n, c, title, cycleTitle, phase }: { n: string; c: string; title: string; cycleTitle: string; phase: string }) {
  const paths = cyclePaths(n, c);
  const rounds = useLoad((signal) => api.get<DeliberationRound[]>(paths.rounds, { signal }), [n, c]);
  const proposals = useLoad((signal) => api.get<ProposalSummary[]>(paths.proposals, { signal }), [n, c]);
  const titles = new Map((proposals.value ?? []).map((p) => [p.proposalId, p.title]));
  return (
    <Page title={title} lead={t("moderation.rounds.lead", { cycle: cycleTitle })}>
      <p class="breadcrumb">
        <a href={href("cycle", { n, c })}>{t("moderation.backToCycle", { cycle: cycleTitle })}</a> · <a href={href("moderation", { n, c })}>{t("moderation.panel.moderation")}</a>
      </p>
      <section aria-labelledby="rounds-list">
        <h2 id="rounds-list">{t("moderation.rounds.list")}</h2>
        {!rounds.value ? (
          <Loading problem={rounds.problem} />
        ) : rounds.value.length === 0 ? (
          <p>{t("moderation.rounds.none")}</p>
        ) : (
          <ol class="card-list single">
            {[...rounds.value].reverse().map((round) => (
              <RoundCard key={round.number} n={n} c={c} round={round} titles={titles} onClosed={() => void rounds.reload()} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="rounds-open">
        <h2 id="rounds-open">{t("moderation.rounds.open")}</h2>
        {phase !== "Deliberation" ? (
          <p class="notice">{t("moderation.rounds.onlyInDeliberation", { phase: phaseName(phase as never) })}</p>
        ) : !proposals.value ? (
          <Loading problem={proposals.problem} />
        ) : (
          <OpenRoundForm n={n} c={c} proposals={proposals.value.filter((p) => p.status === "Open")} onOpened={() => void rounds.reload()} />
        )}
      </section>
    </Page>
  );
}
