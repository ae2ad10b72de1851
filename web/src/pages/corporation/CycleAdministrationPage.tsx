// One budget round as its staff see it: where it stands, the next step (with buttons that say what happens
// then), the rules for proposals while ideas come in, opening voting (rules frozen) and closing it (results
// published).
import { href } from "../../app/router";
import { useSession } from "../../app/session";
import { phaseName } from "../../components/Phase";
import { formatMoney, formatNumber, t } from "../../i18n/i18n";
import { CloseVoting } from "./CloseVoting";
import { CyclePageFrame, type CycleContext } from "./CyclePageFrame";
import { EligibilityForm } from "./EligibilityForm";
import { SchedulePlanner } from "./SchedulePlanner";
import { OpenVotingForm } from "./OpenVotingForm";
import { PhaseButton } from "./PhaseButton";
import { ProposalRulesForm } from "./ProposalRulesForm";
import { canManageCycles } from "./roles";

export function CycleAdministrationPage({ n, c }: { n: string; c: string }) {
  return (
    <CyclePageFrame n={n} c={c} route="cycleAdministration" title={t("corporation.cycle.title")}>
      {(context) => <Administration {...context} />}
    </CyclePageFrame>
  );
}

function Administration(context: CycleContext) {
  const { me } = useSession();
  const { n, c, admin, neighbourhood } = context;
  const { cycle, enrolled } = admin;
  const manage = canManageCycles(me, neighbourhood.corporationId, n);
  return (
    <>
      <section aria-labelledby="cycle-facts">
        <h2 id="cycle-facts">{t("corporation.cycle.facts")}</h2>
        <dl class="staff-facts">
          <dt>{t("corporation.cycle.phase")}</dt>
          <dd data-testid="cycle-phase">{phaseName(cycle.phase)}</dd>
          <dt>{t("corporation.cycle.budget")}</dt>
          <dd>{formatMoney(cycle.budgetCents)}</dd>
          <dt>{t("corporation.cycle.enrolled")}</dt>
          <dd>{formatNumber(enrolled)}</dd>
          {cycle.turnout !== null && (
            <>
              <dt>{t("corporation.cycle.turnout")}</dt>
              <dd>{formatNumber(cycle.turnout)}</dd>
            </>
          )}
          {cycle.manifestHash && (
            <>
              <dt>{t("corporation.cycle.manifest")}</dt>
              <dd>
                <code class="hash" data-testid="manifest-hash">
                  {cycle.manifestHash}
                </code>
              </dd>
            </>
          )}
        </dl>
        <p>
          <a href={href("cycle", { n, c })}>{t("corporation.cycle.publicPage")}</a>
        </p>
      </section>
      <section aria-labelledby="cycle-next">
        <h2 id="cycle-next">{t("corporation.cycle.next")}</h2>
        <p>{t(`corporation.cycle.now.${cycle.phase}`)}</p>
        {manage ? <NextSteps {...context} /> : <p class="notice">{t("corporation.cycle.readOnly")}</p>}
      </section>
      {manage && (cycle.phase === "Draft" || cycle.phase === "Ideas" || cycle.phase === "Deliberation") && (
        <section aria-labelledby="cycle-rules">
          <h2 id="cycle-rules">{t("corporation.rules.title")}</h2>
          <ProposalRulesForm n={n} c={c} budgetCents={cycle.budgetCents} />
        </section>
      )}
      {manage && ["Draft", "Ideas", "Deliberation", "Review", "Voting", "Results", "Implementation"].includes(cycle.phase) && (
        <section aria-labelledby="cycle-schedule">
          <h2 id="cycle-schedule">{t("corporation.plan.title")}</h2>
          <SchedulePlanner key={cycle.phase} n={n} c={c} admin={admin} onSaved={() => void context.reload()} />
        </section>
      )}
      {manage && (cycle.phase === "Draft" || cycle.phase === "Ideas" || cycle.phase === "Deliberation" || cycle.phase === "Review") && (
        <section aria-labelledby="cycle-eligibility">
          <h2 id="cycle-eligibility">{t("corporation.eligibility.title")}</h2>
          <EligibilityForm n={n} c={c} />
        </section>
      )}
    </>
  );
}

function NextSteps({ n, c, admin, set: moved }: CycleContext) {
  switch (admin.cycle.phase) {
    case "Draft":
      return <PhaseButton n={n} c={c} to="Ideas" onMoved={moved} />;
    case "Ideas":
      return (
        <>
          <PhaseButton n={n} c={c} to="Deliberation" onMoved={moved} />
          <PhaseButton n={n} c={c} to="Review" kind="secondary" onMoved={moved} />
        </>
      );
    case "Deliberation":
      return <PhaseButton n={n} c={c} to="Review" onMoved={moved} />;
    case "Review":
      return (
        <>
          <p>
            <a href={href("review", { n, c })}>{t("corporation.cycle.toReview")}</a> · <a href={href("simulation", { n, c })}>{t("corporation.cycle.toSimulation")}</a>
          </p>
          <OpenVotingForm n={n} c={c} budgetCents={admin.cycle.budgetCents} onOpened={moved} />
        </>
      );
    case "Voting":
      return <CloseVoting n={n} c={c} title={admin.cycle.title} onClosed={moved} />;
    case "Results":
      return (
        <>
          <ResultsLink n={n} c={c} />
          <PhaseButton n={n} c={c} to="Implementation" onMoved={moved} />
          <PhaseButton n={n} c={c} to="Closed" kind="secondary" onMoved={moved} />
        </>
      );
    case "Implementation":
      return (
        <>
          <p>
            <a href={href("implementation", { n, c })}>{t("corporation.cycle.toImplementation")}</a>
          </p>
          <PhaseButton n={n} c={c} to="Closed" onMoved={moved} />
        </>
      );
    default:
      return null;
  }
}

function ResultsLink({ n, c }: { n: string; c: string }) {
  return (
    <p>
      <a href={href("results", { n, c })}>{t("corporation.cycle.toResults")}</a>
    </p>
  );
}
