// Live results: one SignalR connection per open cycle page, server to client only. The hub sends the current
// state on connect and then coalesced updates; the connection reconnects by itself and says when it is offline.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { useEffect, useState } from "preact/hooks";
import type { CycleUpdate, ProposalsUpdate } from "../api/types";

export type LiveState = "connecting" | "live" | "offline";

export interface LiveCycle {
  state: LiveState;
  update: CycleUpdate | null;
  proposals: ProposalsUpdate | null;
}

export const hubPath = "/hubs/live-results";

export function useLiveCycle(neighbourhood: string, cycle: string): LiveCycle {
  const [live, setLive] = useState<LiveCycle>({ state: "connecting", update: null, proposals: null });
  useEffect(() => {
    let stopped = false;
    const connection: HubConnection = new HubConnectionBuilder()
      .withUrl(`${hubPath}?neighbourhood=${encodeURIComponent(neighbourhood)}&cycle=${encodeURIComponent(cycle)}`)
      .withAutomaticReconnect([0, 2000, 5000, 10000, 30000])
      .configureLogging(LogLevel.None)
      .build();
    connection.on("CycleUpdated", (update: CycleUpdate) => setLive((l) => ({ ...l, update })));
    connection.on("ProposalsUpdated", (proposals: ProposalsUpdate) => setLive((l) => ({ ...l, proposals })));
    connection.onreconnecting(() => setLive((l) => ({ ...l, state: "connecting" })));
    connection.onreconnected(() => setLive((l) => ({ ...l, state: "live" })));
    connection.onclose(() => !stopped && setLive((l) => ({ ...l, state: "offline" })));
    connection.start().then(
      () => !stopped && setLive((l) => ({ ...l, state: connection.state === HubConnectionState.Connected ? "live" : "offline" })),
      () => !stopped && setLive((l) => ({ ...l, state: "offline" })),
    );
    return () => {
      stopped = true;
      void connection.stop();
    };
  }, [neighbourhood, cycle]);
  return live;
}
