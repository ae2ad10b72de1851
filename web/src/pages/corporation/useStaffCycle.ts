// What every page of one budget round's administration loads: the staff view of the cycle (phase, budget,
// census size) and the neighbourhood (its name and corporation, which decide what this person may do).
import { api, cyclePaths, paths } from "../../api/client";
import type { CycleAdministration, PublicNeighbourhood } from "../../api/types";
import { useLoad } from "../../app/useLoad";

export function useStaffCycle(n: string, c: string) {
  const cycle = useLoad((signal) => api.get<CycleAdministration>(cyclePaths(n, c).administration, { signal }), [n, c]);
  const neighbourhood = useLoad((signal) => api.get<PublicNeighbourhood>(paths.neighbourhood(n), { signal }), [n]);
  return { cycle, neighbourhood, problem: cycle.problem ?? neighbourhood.problem, ready: !!cycle.value && !!neighbourhood.value };
}
