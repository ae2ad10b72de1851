// A real SignalR client for the live-results tests: connects to the hub for one cycle and prints every
// message it receives (cycle updates and proposal lists) as one JSON line. It stops when its stdin closes (the test ends) or after 120 s.
// Usage: node live-client.mjs BASE-URL NEIGHBOURHOOD CYCLE [ORIGIN]
// With BUURTBUDGET_LIVE_TRANSPORT=websockets it uses WebSockets only (after the negotiate request), with no fallback to
// server-sent events or long polling, so a proxy that breaks the upgrade makes it fail instead of quietly degrading.
import * as signalR from "@microsoft/signalr";

const [baseUrl, neighbourhood, cycle, origin] = process.argv.slice(2);
const url = `${baseUrl}/hubs/live-results?neighbourhood=${encodeURIComponent(neighbourhood)}&cycle=${encodeURIComponent(cycle)}`;
const connection = new signalR.HubConnectionBuilder()
  .withUrl(url, {
    headers: origin ? { Origin: origin } : {},
    ...(process.env.BUURTBUDGET_LIVE_TRANSPORT === "websockets" ? { transport: signalR.HttpTransportType.WebSockets } : {}),
  })
  .configureLogging(signalR.LogLevel.None)
  .build();
connection.on("CycleUpdated", (update) => console.log(JSON.stringify({ type: "update", update })));
connection.on("ProposalsUpdated", (update) => console.log(JSON.stringify({ type: "proposals", update })));
const stop = async (code) => { try { await connection.stop(); } finally { process.exit(code); } };
process.stdin.on("end", () => stop(0));
process.stdin.resume();
setTimeout(() => stop(0), 120_000).unref();
try {
  await connection.start();
  console.log(JSON.stringify({ type: "connected" }));
} catch (error) {
  console.log(JSON.stringify({ type: "refused", message: String(error && error.message || error) }));
  process.exit(0);
}
