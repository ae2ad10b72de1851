// One step forward in the round's phases, with what happens then written under the button. Phases never go
// back; the server refuses a move that is not allowed and its words appear here.
import { api, cyclePaths } from "../../api/client";
import type { CycleAdministration, CyclePhase } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { ProblemMessage } from "../../components/Problem";
import { t, type Key } from "../../i18n/i18n";
import { moveTo } from "./texts";
import { useAction } from "./useAction";

interface Props { n: string; c: string; to: CyclePhase; kind?: "primary" | "secondary"; onMoved: (next: CycleAdministration) => void }

export function PhaseButton({ n, c, to, kind = "primary", onMoved }: Props) {
  const action = useAction();
  const id = `phase-${to}`;
  const move = async () => {
    const next = await action.run(() => api.post<CycleAdministration>(cyclePaths(n, c).phase, { phase: to }));
    if (next) onMoved(next);
  };
  return (
    <div class="phase-action">
      <BusyButton busy={action.busy} type="button" kind={kind} onClick={move} describedBy={action.problem ? `${id}-hint ${id}-problem` : `${id}-hint`}>
        {moveTo(to)}
      </BusyButton>
      <p class="hint" id={`${id}-hint`}>
        {t(`corporation.phase.whatHappens.${to}` as Key)}
      </p>
      <ProblemMessage problem={action.problem} id={`${id}-problem`} />
    </div>
  );
}
