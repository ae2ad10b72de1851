using System.Collections.Immutable;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Proposals;

/// <summary>
/// One resident proposal, keyed by its id, with its full revision history. Rule violations throw
/// <see cref="ProposalException"/> and change nothing. Support, pledges, comments and feasibility review
/// arrive with the cycle issue as new events on the same stream.
/// </summary>
public interface IProposalGrain : IGrainWithStringKey
{
    Task<ProposalView> SubmitAsync(SubmitProposal command);

    Task<ProposalView> ReviseAsync(ReviseProposal command);

    Task<ProposalView> WithdrawAsync(WithdrawProposal command);

    /// <summary>The proposal, or null if nothing was submitted under this id.</summary>
    Task<ProposalView?> GetAsync();

    /// <summary>Supports the proposal for this household; supporting twice changes nothing.</summary>
    Task<ProposalView> SupportAsync(string supporterKey);

    Task<ProposalView> WithdrawSupportAsync(string supporterKey);

    Task<ProposalView> PledgeAsync(string pledgerKey, string text);

    Task<ProposalView> CommentAsync(string authorKey, string text, int? replyTo);

    /// <summary>Flags a comment; with enough flags it is hidden until a moderator looks at it.</summary>
    Task<ProposalView> FlagCommentAsync(string flaggerKey, int number);

    Task<ProposalView> ModerateCommentAsync(ModerateComment command);

    /// <summary>Takes in a duplicate: its author becomes a co-author, its supporters and pledges join (each household
    /// counted once). Taking in the same proposal twice changes nothing.</summary>
    Task<ProposalView> AbsorbAsync(string sourceId, ProposalView source, Corporations.StaffMember by, string? byName = null);

    /// <summary>Marks this proposal as merged into <paramref name="targetId"/>; it takes no more support or changes.</summary>
    Task<ProposalView> MarkMergedAsync(string targetId, Corporations.StaffMember by, string? byName = null);

    Task<ProposalView> SuggestAmendmentAsync(string suggesterKey, ProposalText text);

    /// <summary>The authors accept (the proposal is revised to the amendment's text) or reject an amendment.</summary>
    Task<ProposalView> AnswerAmendmentAsync(string authorKey, int number, bool accept);

    Task<ProposalView> UpdateImplementationAsync(ImplementationStatus status, string note, Corporations.StaffMember by);

    /// <summary>Records the feasibility review; a later review replaces an earlier one (both stay in the ledger).</summary>
    /// <param name="by">Who reviewed it, for the public moderation log (with <paramref name="byName"/> as shown there).</param>
    Task<ProposalView> ReviewAsync(FeasibilityReview review, Corporations.StaffMember? by = null, string? byName = null);

    /// <summary>An author attaches an image already stored by its hash (at most <see cref="ProposalGrain.MaxImages"/>);
    /// attaching the same image twice changes nothing.</summary>
    Task<ProposalView> AddImageAsync(string authorKey, ProposalImage image);

    Task<ProposalView> RemoveImageAsync(string authorKey, string hash);

    /// <summary>An author gives an image a new description (null or blank removes it); the image stays as it is.</summary>
    Task<ProposalView> DescribeImageAsync(string authorKey, string hash, string? alt);

    /// <summary>Applies what another server node appended since this activation last read the ledger.</summary>
    Task<int> CatchUpAsync();
}

/// <summary>An image of a proposal: its bytes live outside the ledger, under <paramref name="Hash"/> (SHA-256, hex);
/// <paramref name="ContentType"/> is what the bytes are, never what the uploader said.</summary>
public sealed record ProposalImage(string Hash, string ContentType, long Size)
{
    /// <summary>What the image shows, in the author's words, for people who cannot see it (null in images added
    /// before authors could give one).</summary>
    public string? Alt { get; init; }
}

/// <param name="Reason">Required when not feasible; sent to the authors.</param>
/// <param name="AdjustedCostCents">The corporation's own cost estimate, used on the ballot instead of the resident's.</param>
public sealed record FeasibilityReview(bool Feasible, string? Reason, long? AdjustedCostCents);

public sealed record Pledge(int Number, string PledgerKey, string Text);

public enum AmendmentStatus
{
    Pending,
    Accepted,
    Rejected,
}

public sealed record Amendment(int Number, string SuggesterKey, ProposalText Text, AmendmentStatus Status, DateTimeOffset At);

public enum ImplementationStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>A milestone or status update on a funded proposal.</summary>
public sealed record ImplementationUpdate(ImplementationStatus Status, string Note, DateTimeOffset At);

/// <param name="Hide">True to hide, false to restore.</param>
public sealed record ModerateComment(int Number, bool Hide, string Reason, Corporations.StaffMember By, string? ByName);

public sealed record Comment(int Number, string AuthorKey, int? ReplyTo, string Text, DateTimeOffset At, ImmutableArray<string> Flags, bool Hidden);

/// <summary>One entry of the public moderation log: who (null: the flags), when, why, and what happened.</summary>
/// <param name="Comment">The comment hidden or restored; 0 for an action on the whole proposal (<see cref="Action"/>).</param>
public sealed record ModerationEntry(int Comment, bool Hidden, string Reason, Corporations.StaffMember? By, string? ByName, DateTimeOffset At)
{
    /// <summary>Null for hiding or restoring a comment; otherwise what staff did to the proposal: <c>merged-in</c>,
    /// <c>merged-into</c>, <c>reviewed-feasible</c> or <c>reviewed-not-feasible</c>.</summary>
    public string? Action { get; init; }
}

/// <param name="AuthorKey">Who submits it, as the server knows them; only they may revise or withdraw it.</param>
public sealed record SubmitProposal(string NeighbourhoodId, string CycleId, string AuthorKey, ProposalText Text)
{
    /// <summary>Households named at submission who write the proposal too; they may edit it like its author.</summary>
    public ImmutableArray<string> CoAuthors { get; init; } = [];
}

public sealed record ReviseProposal(string AuthorKey, ProposalText Text);

public sealed record WithdrawProposal(string AuthorKey, string Reason);

/// <summary>What a resident writes: title, description (plain text), cost estimate in cents, an optional place in words
/// and as a point on the map, and a category from the cycle's list (<see cref="ProposalRules.Categories"/>; none when
/// the cycle has no list). Entries written before points existed have none.</summary>
public sealed record ProposalText(string Title, string Description, long CostCents, string? Place = null, string? Category = null, GeoPoint? Point = null);

public enum ProposalStatus
{
    Open,
    Withdrawn,

    /// <summary>Merged into another proposal, which carries its authors, supporters and pledges on.</summary>
    Merged,
}

public sealed record ProposalRevision(int Number, ProposalText Text);

public sealed record ProposalView(
    string Id,
    string NeighbourhoodId,
    string CycleId,
    string AuthorKey,
    ProposalText Text,
    ProposalStatus Status,
    string? WithdrawalReason,
    ImmutableArray<ProposalRevision> History)
{
    /// <summary>Voter keys of the households that support it (never shown: the API gives a count and "you").</summary>
    public ImmutableArray<string> Supporters { get; init; } = [];

    public ImmutableArray<Pledge> Pledges { get; init; } = [];

    public FeasibilityReview? Review { get; init; }

    public ImmutableArray<Comment> Comments { get; init; } = [];

    public ImmutableArray<ModerationEntry> ModerationLog { get; init; } = [];

    public ImmutableArray<ImplementationUpdate> Implementation { get; init; } = [];

    public ImmutableArray<Amendment> Amendments { get; init; } = [];

    /// <summary>Households named as co-authors at submission, and authors of proposals merged into this one; they may
    /// edit it like its author.</summary>
    public ImmutableArray<string> CoAuthors { get; init; } = [];

    /// <summary>Ids of the proposals merged into this one (their history stays on their own streams).</summary>
    public ImmutableArray<string> MergedFrom { get; init; } = [];

    public ImmutableArray<ProposalImage> Images { get; init; } = [];

    /// <summary>For a merged proposal: the one it lives on in.</summary>
    public string? MergedInto { get; init; }

    /// <summary>What the proposal costs on the ballot: the reviewed cost when there is one.</summary>
    public long BallotCostCents => Review?.AdjustedCostCents ?? Text.CostCents;
}
