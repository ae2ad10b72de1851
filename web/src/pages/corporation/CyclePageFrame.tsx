// The frame of every page of one budget round's administration: the staff sign-in check, loading, the page
// title with the round's name, where the round stands, and the links to the other parts.
import type { ComponentChildren } from "preact";
import type { CycleAdministration, PublicNeighbourhood } from "../../api/types";
import type { RouteName } from "../../app/router";
import { Page } from "../../components/Page";
import { PhaseSteps } from "../../components/Phase";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { CycleNav } from "./CycleNav";
import { StaffGate } from "./StaffGate";
import { useStaffCycle } from "./useStaffCycle";

export interface CycleContext {
  n: string;
  c: string;
  admin: CycleAdministration;
  neighbourhood: PublicNeighbourhood;
  reload: () => Promise<void>;
  set: (next: CycleAdministration) => void;
}

interface Props { n: string; c: string; route: RouteName; title: string; children: (context: CycleContext) => ComponentChildren }

export function CyclePageFrame(props: Props) {
  return <StaffGate title={props.title}>{() => <Frame {...props} />}</StaffGate>;
}

function Frame({ n, c, route, title, children }: Props) {
  const { cycle, neighbourhood, problem, ready } = useStaffCycle(n, c);
  if (!ready) {
    return (
      <Page title={title}>
        <Loading problem={problem} />
      </Page>
    );
  }
  const admin = cycle.value!;
  return (
    <Page title={`${title}: ${admin.cycle.title}`} lead={t("corporation.cycle.lead", { neighbourhood: neighbourhood.value!.name })}>
      <PhaseSteps phase={admin.cycle.phase} schedule={admin.cycle.schedule} />
      <CycleNav n={n} c={c} corporationId={neighbourhood.value!.corporationId} current={route} />
      {children({ n, c, admin, neighbourhood: neighbourhood.value!, reload: cycle.reload, set: cycle.set })}
    </Page>
  );
}
