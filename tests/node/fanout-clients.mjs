// Load-benchmark client (tests/Buurtbudget.LoadBench drives it): opens COUNT SignalR connections (official JS client,
// WebSockets only, no negotiate round trip) to one hub URL and stamps every "CycleUpdated" it receives with the
// wall clock, in Unix milliseconds with a fraction. The server stamps its sends with the same clock (one machine).
// Commands on stdin, one per line: "report" prints {"type":"report","receipts":{turnout:[ms,...]}} and forgets them.
// It exits when stdin closes, or by itself after MAX-SECONDS: a benchmark that goes wrong leaves no client behind.
// Usage: node fanout-clients.mjs HUB-URL COUNT MAX-SECONDS
import * as signalR from "@microsoft/signalr";
import { createInterface } from "node:readline";

const [url, countText, maxSecondsText] = process.argv.slice(2);
const count = Number(countText), maxSeconds = Number(maxSecondsText ?? 600);
setTimeout(() => process.exit(2), maxSeconds * 1000).unref();
process.stdin.on("end", () => process.exit(0));

const now = () => performance.timeOrigin + performance.now();
let receipts = new Map();
const receive = (update) => {
  const at = now();
  const list = receipts.get(update.turnout);
  if (list) list.push(at); else receipts.set(update.turnout, [at]);
};

createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "report") {
    const out = {};
    for (const [turnout, times] of receipts) out[turnout] = times.map((t) => Math.round(t * 100) / 100);
    receipts = new Map();
    console.log(JSON.stringify({ type: "report", receipts: out }));
  }
});

// A few hundred handshakes at a time: all at once would mostly measure the accept queue.
const connections = [];
let failed = 0, firstError = "";
const started = now();
const connectOne = async () => {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.on("CycleUpdated", receive);
  try {
    await connection.start();
    connections.push(connection);
  } catch (error) {
    failed++;
    firstError ||= String(error?.message ?? error);
  }
};
let next = 0;
await Promise.all(Array.from({ length: Math.min(200, count) }, async () => {
  while (next < count) {
    next++;
    await connectOne();
  }
}));
console.log(JSON.stringify({ type: "connected", connected: connections.length, failed, firstError, ms: Math.round(now() - started) }));
