namespace Buurtbudget.Grains.Proposals;

/// <summary>What happens to one proposal, as appended to its stream <c>proposal/{id}</c>.</summary>
public abstract record ProposalEvent;

public sealed record ProposalSubmitted(string NeighbourhoodId, string CycleId, string AuthorKey, ProposalText Text) : ProposalEvent
{
    /// <summary>Co-authors named at submission (none in entries written before they could be).</summary>
    public System.Collections.Immutable.ImmutableArray<string> CoAuthors { get; init; } = [];
}

public sealed record ProposalRevised(ProposalText Text) : ProposalEvent;

public sealed record ProposalWithdrawn(string Reason) : ProposalEvent;

/// <summary>A resident (as a household's voter key) supports the proposal; once per household.</summary>
public sealed record ProposalSupported(string SupporterKey) : ProposalEvent;

public sealed record SupportWithdrawn(string SupporterKey) : ProposalEvent;

/// <summary>A resident offers to help ("I'll water the plants"): resident self-management changes what is
/// feasible and what it costs, so pledges are shown with the proposal and in the corporation's review.</summary>
public sealed record HelpPledged(string PledgerKey, string Text) : ProposalEvent;

/// <summary>The corporation's feasibility review. Not feasible always has a reason, which the authors read;
/// <paramref name="AdjustedCostCents"/> replaces the resident's estimate on the ballot.</summary>
public sealed record ProposalReviewed(bool Feasible, string? Reason, long? AdjustedCostCents) : ProposalEvent
{
    /// <summary>Who reviewed it and when; absent in entries written before the moderation log showed reviews.</summary>
    public Corporations.StaffMember? By { get; init; }

    public string? ByName { get; init; }

    public DateTimeOffset? At { get; init; }
}

/// <summary>A comment in the proposal's discussion; <paramref name="ReplyTo"/> makes it part of a thread.</summary>
public sealed record CommentPosted(int Number, string AuthorKey, int? ReplyTo, string Text, DateTimeOffset At) : ProposalEvent;

/// <summary>A resident flags a comment as breaking the rules of the conversation; once per resident.</summary>
public sealed record CommentFlagged(int Number, string FlaggerKey) : ProposalEvent;

/// <summary>A comment hidden pending review (<paramref name="By"/> null: enough flags hid it) or by a moderator.</summary>
public sealed record CommentHidden(int Number, string Reason, Corporations.StaffMember? By, string? ByName, DateTimeOffset At) : ProposalEvent;

public sealed record CommentRestored(int Number, string Reason, Corporations.StaffMember By, string? ByName, DateTimeOffset At) : ProposalEvent;

/// <summary>The corporation reports progress on a funded proposal; residents see every update.</summary>
public sealed record ImplementationUpdated(ImplementationStatus Status, string Note, DateTimeOffset At, Corporations.StaffMember By) : ProposalEvent;

/// <summary>A moderator merged a duplicate into this proposal, with everything that carries over.</summary>
public sealed record ProposalAbsorbed(string SourceId, string SourceAuthorKey, System.Collections.Immutable.ImmutableArray<string> Supporters,
    System.Collections.Immutable.ImmutableArray<Pledge> Pledges, Corporations.StaffMember By) : ProposalEvent
{
    /// <summary>When, and the moderator's name for the log; absent in entries written before the log showed merges.</summary>
    public DateTimeOffset? At { get; init; }

    public string? ByName { get; init; }
}

public sealed record ProposalMergedInto(string TargetId, Corporations.StaffMember By) : ProposalEvent
{
    public DateTimeOffset? At { get; init; }

    public string? ByName { get; init; }
}

/// <summary>A resident suggests a change to someone else's proposal; the authors accept or reject it.</summary>
public sealed record AmendmentSuggested(int Number, string SuggesterKey, ProposalText Text, DateTimeOffset At) : ProposalEvent;

/// <summary>The authors' answer; an accepted amendment is followed by the revision it makes.</summary>
public sealed record AmendmentAnswered(int Number, bool Accepted) : ProposalEvent;

/// <summary>An author attached an image; the event holds only what identifies it, the bytes are stored by hash.</summary>
public sealed record ImageAdded(string Hash, string ContentType, long Size) : ProposalEvent
{
    /// <summary>The author's description of the image; absent in entries written before there was one.</summary>
    public string? Alt { get; init; }
}

public sealed record ImageRemoved(string Hash) : ProposalEvent;

/// <summary>An author described an image again: a correction for people who cannot see it, not a change to what the
/// proposal asks for, so it is its own event rather than a remove and re-add.</summary>
public sealed record ImageDescribed(string Hash) : ProposalEvent
{
    /// <summary>The new description; absent when the author removed it.</summary>
    public string? Alt { get; init; }
}
