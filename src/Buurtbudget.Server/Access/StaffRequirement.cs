using Buurtbudget.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace Buurtbudget.Server.Access;

/// <summary>The endpoint needs <see cref="Action"/> in the corporation or neighbourhood named by its route.</summary>
internal sealed record StaffRequirement(StaffAction Action) : IAuthorizationRequirement;

/// <summary>The endpoint is for the installation's platform operators (who register corporations).</summary>
internal sealed record PlatformOperatorRequirement : IAuthorizationRequirement;
