// What a member of staff may do where, as the server's AccessPolicy (src/Buurtbudget.Domain/Access) decides it,
// so pages offer only what will work. The server checks every request anyway.
import type { Me, StaffRole } from "../../api/types";
import { hasRole } from "../../app/session";

export const canManageCycles = (me: Me | null, corporationId: string, n: string) => hasRole(me, corporationId, n, ["Administrator"]);
export const canModerate = (me: Me | null, corporationId: string, n: string) => hasRole(me, corporationId, n, ["Moderator"]);
export const canEnterPaperBallots = (me: Me | null, corporationId: string, n: string) => hasRole(me, corporationId, n, ["Moderator"]);

/** Corporation-wide management (neighbourhoods, staff) is for corporation-wide administrators only. */
export const canManageCorporation = (me: Me | null, corporationId: string) =>
  !!me?.staff?.grants.some((g) => g.corporationId === corporationId && g.role === "Administrator" && g.coversEveryNeighbourhood);

/** Reading the corporation (its neighbourhoods and staff) needs a grant that covers all of it. */
export const canReadCorporation = (me: Me | null, corporationId: string) =>
  !!me?.staff?.grants.some((g) => g.corporationId === corporationId && g.coversEveryNeighbourhood);

export const roles: StaffRole[] = ["Administrator", "Moderator", "Auditor"];
