using Microsoft.AspNetCore.SignalR;

namespace Buurtbudget.Server.Benchmark;

/// <summary>
/// The fan-out baseline: a hub with no query, no group and no state on connect. The benchmark broadcasts the live
/// hub's own message to all of its connections, so the difference to the live hub is what the live hub adds.
/// </summary>
internal sealed class PlainHub : Hub;
