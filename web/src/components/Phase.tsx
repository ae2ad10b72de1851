// Where a budget cycle stands, as words and as a row of steps.
import type { CyclePhase } from "../api/types";
import { t, type Key } from "../i18n/i18n";

export const phaseOrder: CyclePhase[] = ["Draft", "Ideas", "Deliberation", "Review", "Voting", "Results", "Implementation", "Closed"];

export const phaseName = (phase: CyclePhase) => t(`phase.${phase}` as Key);

export function PhaseSteps({ phase }: { phase: CyclePhase }) {
  const now = phaseOrder.indexOf(phase);
  return (
    <ol class="phase-steps" aria-label={t("phase.steps")}>
      {phaseOrder.slice(1).map((step, i) => (
        <li key={step} class={i + 1 < now ? "done" : i + 1 === now ? "current" : ""} aria-current={i + 1 === now ? "step" : undefined}>
          {phaseName(step)}
        </li>
      ))}
    </ol>
  );
}
