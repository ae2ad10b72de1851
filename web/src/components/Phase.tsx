// Where a budget cycle stands, as words and as a row of steps.
import type { CyclePhase, ScheduledStep } from "../api/types";
import { formatDateTime, t, type Key } from "../i18n/i18n";

export const phaseOrder: CyclePhase[] = ["Draft", "Ideas", "Deliberation", "Review", "Voting", "Results", "Implementation", "Closed"];

export const phaseName = (phase: CyclePhase) => t(`phase.${phase}` as Key);

export function PhaseSteps({ phase, schedule = [] }: { phase: CyclePhase; schedule?: ScheduledStep[] }) {
  const now = phaseOrder.indexOf(phase);
  // A phase still to come shows the moment it is planned to start; refused steps are not a promise any more.
  const planned = (step: CyclePhase) => (phaseOrder.indexOf(step) > now ? schedule.find((s) => s.phase === step && s.status === "Pending") : undefined);
  return (
    <ol class="phase-steps" aria-label={t("phase.steps")}>
      {phaseOrder.slice(1).map((step, i) => {
        const when = planned(step);
        return (
          <li key={step} class={i + 1 < now ? "done" : i + 1 === now ? "current" : ""} aria-current={i + 1 === now ? "step" : undefined}>
            {phaseName(step)}
            {when && <span class="phase-date">{t("phase.from", { date: formatDateTime(when.startsAt) })}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** The next scheduled phase change, in a sentence, or null when the corporation moves the cycle by hand. */
export function NextStep({ phase, schedule }: { phase: CyclePhase; schedule: ScheduledStep[] }) {
  const now = phaseOrder.indexOf(phase);
  const next = schedule
    .filter((s) => s.status === "Pending" && phaseOrder.indexOf(s.phase) > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  return next ? <p class="phase-next" data-testid="next-step">{t("phase.next", { phase: phaseName(next.phase), date: formatDateTime(next.startsAt) })}</p> : null;
}
