using System.Security.Claims;

namespace Buurtbudget.Server.Access;

/// <summary>
/// One log line per staff action that changes a cycle or its codes, naming the person (issuer and subject): the
/// register's own changes are in its ledger stream, these are in the server log for the operator's audit trail.
/// </summary>
internal static partial class StaffAudit
{
    public static void Record(ILogger logger, ClaimsPrincipal user, string action, string neighbourhoodId, string? cycleId = null)
    {
        var member = user.Member();
        LogStaffAction(logger, action, neighbourhoodId, cycleId ?? "-", member?.Issuer ?? "?", member?.Subject ?? "?");
    }

    [LoggerMessage(LogLevel.Information, "Staff action {Action} in {Neighbourhood}/{Cycle} by {Issuer} {Subject}")]
    private static partial void LogStaffAction(ILogger logger, string action, string neighbourhood, string cycle, string issuer, string subject);
}
