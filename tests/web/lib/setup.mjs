// Setting the stage through the API, as a signed-in member of staff, for scenarios that test something else.
// (The corporation scenario drives the same things through the staff pages.)
import { apiCall, assert, idpIssuer } from "./stack.mjs";

export async function registerCorporation(operatorPage, { corporationId, name, administrator }) {
  return apiCall(operatorPage, "POST", "/api/corporations", { corporationId, name, firstAdministrator: { issuer: idpIssuer, subject: administrator } });
}

export async function addNeighbourhood(adminPage, corporationId, { neighbourhoodId, name }) {
  return apiCall(adminPage, "POST", `/api/corporations/${corporationId}/neighbourhoods`, { neighbourhoodId, name });
}

export async function grantRole(adminPage, corporationId, subject, role, neighbourhoods) {
  return apiCall(adminPage, "PUT", `/api/corporations/${corporationId}/staff`, { issuer: idpIssuer, subject, role, neighbourhoods });
}

export async function createCycle(adminPage, n, { cycleId, title, budgetCents }) {
  return apiCall(adminPage, "POST", `/api/neighbourhoods/${n}/cycles`, { cycleId, title, budgetCents });
}

export async function movePhase(adminPage, n, c, phase) {
  return apiCall(adminPage, "POST", `/api/neighbourhoods/${n}/cycles/${c}/phase`, { phase });
}

export async function openVoting(adminPage, n, c, rules) {
  return apiCall(adminPage, "POST", `/api/neighbourhoods/${n}/cycles/${c}/open-voting`, rules);
}

export async function closeVoting(adminPage, n, c) {
  return apiCall(adminPage, "POST", `/api/neighbourhoods/${n}/cycles/${c}/close-voting`, {});
}

/** Uploads an address list and returns one voting code per address, in the list's order. */
export async function votingCodes(adminPage, n, c, addresses) {
  const csv = "straat;huisnummer\n" + addresses.map((a) => a.join(";")).join("\n") + "\n";
  const response = await adminPage.request.fetch(`/api/neighbourhoods/${n}/cycles/${c}/voting-codes`, {
    method: "POST",
    headers: { "X-Buurtbudget-Request": "1", "Content-Type": "text/csv" },
    data: csv,
  });
  const text = await response.text();
  assert.ok(response.ok(), `voting codes: ${response.status()} ${text}`);
  const [header, ...rows] = text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const column = header.split(";").indexOf("voting_code");
  assert.ok(column >= 0, `no voting_code column in ${header}`);
  return rows.map((row) => row.split(";")[column]);
}
