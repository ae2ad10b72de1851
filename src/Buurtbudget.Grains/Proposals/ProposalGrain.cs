using System.Collections.Immutable;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Proposals;

/// <summary>One proposal, event-sourced on <c>proposal/{id}</c>. Not reentrant: a proposal sees one command at a time.</summary>
public sealed class ProposalGrain : IProposalGrain, IGrainBase
{
    public const string StreamPrefix = "proposal/";
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 5_000;
    public const int MaxPledgeLength = 300;
    public const int MaxPledgesPerResident = 3;
    public const int MaxReasonLength = 2_000;
    public const int MaxCoAuthors = 5;
    public const int MaxImages = 3;
    public const int MaxAltLength = 300;

    public const int MaxCommentLength = 2_000;
    public const int DefaultFlagsToHide = 3;

    private readonly EventJournal<ProposalState, ProposalEvent> _journal;
    private readonly TimeProvider _time;
    private readonly IGrainContext _context;
    private readonly int _flagsToHide;

    /// <param name="flagsToHide">How many residents' flags hide a comment until a moderator looks at it.</param>
    public ProposalGrain(IGrainContext context, IEventLedger ledger, TimeProvider? time = null, int flagsToHide = DefaultFlagsToHide)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(flagsToHide, 1);
        _time = time ?? TimeProvider.System;
        _flagsToHide = flagsToHide;
        _context = context;
        _journal = new(ledger, StreamPrefix + context.Key, ProposalJson.Instance, context, () => new ProposalState(), snapshotEvery: 100);
    }

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    public async Task<ProposalView> SubmitAsync(SubmitProposal command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Require(_journal.Tentative.View is null, ProposalProblem.AlreadySubmitted, "A proposal with this id was already submitted.");
        Require(!string.IsNullOrEmpty(command.AuthorKey), ProposalProblem.InvalidText, "A proposal needs an author.");
        var text = Checked(command.Text);
        var coAuthors = command.CoAuthors.IsDefault ? [] : command.CoAuthors.Distinct(StringComparer.Ordinal).ToImmutableArray();
        Require(coAuthors.Length <= MaxCoAuthors && coAuthors.All(k => !string.IsNullOrEmpty(k)), ProposalProblem.InvalidText,
            $"Name at most {MaxCoAuthors} co-authors.");
        Require(!coAuthors.Contains(command.AuthorKey), ProposalProblem.InvalidText, "You are the author already; name the other households who write it with you.");
        await _journal.AppendAsync(new ProposalSubmitted(command.NeighbourhoodId, command.CycleId, command.AuthorKey, text) { CoAuthors = coAuthors });
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> ReviseAsync(ReviseProposal command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var proposal = Existing();
        RequireAuthorOfOpen(proposal, command.AuthorKey);
        var text = Checked(command.Text);
        if (text == proposal.Text)
        {
            return proposal;
        }
        await RequireWithinRulesAsync(proposal, text);
        await _journal.AppendAsync(new ProposalRevised(text));
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> WithdrawAsync(WithdrawProposal command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var proposal = Existing();
        RequireAuthorOfOpen(proposal, command.AuthorKey);
        Require(!string.IsNullOrWhiteSpace(command.Reason) && command.Reason.Length <= 500, ProposalProblem.InvalidText,
            "Say in at most 500 characters why the proposal is withdrawn; supporters will read it.");
        await _journal.AppendAsync(new ProposalWithdrawn(command.Reason.Trim()));
        return _journal.Confirmed.View!;
    }

    public Task<ProposalView?> GetAsync() => Task.FromResult(_journal.Confirmed.View);

    public Task<int> CatchUpAsync() => _journal.CatchUpAsync();

    public async Task<ProposalView> SupportAsync(string supporterKey)
    {
        var proposal = OpenProposal(supporterKey);
        if (!proposal.Supporters.Contains(supporterKey))
        {
            await _journal.AppendAsync(new ProposalSupported(supporterKey));
        }
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> WithdrawSupportAsync(string supporterKey)
    {
        var proposal = OpenProposal(supporterKey);
        if (proposal.Supporters.Contains(supporterKey))
        {
            await _journal.AppendAsync(new SupportWithdrawn(supporterKey));
        }
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> PledgeAsync(string pledgerKey, string text)
    {
        var proposal = OpenProposal(pledgerKey);
        string pledge = text?.Trim() ?? "";
        Require(pledge.Length is >= 3 and <= MaxPledgeLength && !pledge.Any(char.IsControl), ProposalProblem.InvalidText,
            $"Say in 3 to {MaxPledgeLength} characters, on one line, how you will help.");
        Require(proposal.Pledges.Count(p => p.PledgerKey == pledgerKey) < MaxPledgesPerResident, ProposalProblem.InvalidText,
            $"You can offer help at most {MaxPledgesPerResident} times on one proposal.");
        await _journal.AppendAsync(new HelpPledged(pledgerKey, pledge));
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> CommentAsync(string authorKey, string text, int? replyTo)
    {
        var proposal = OpenProposal(authorKey);
        string comment = text?.Trim() ?? "";
        Require(comment.Length is >= 1 and <= MaxCommentLength && !comment.Any(c => char.IsControl(c) && c is not '\n'), ProposalProblem.InvalidText,
            $"A comment is 1 to {MaxCommentLength} characters.");
        Require(replyTo is null || (replyTo >= 1 && replyTo <= proposal.Comments.Length), ProposalProblem.InvalidText,
            $"There is no comment {replyTo} to reply to.");
        await _journal.AppendAsync(new CommentPosted(proposal.Comments.Length + 1, authorKey, replyTo, comment, _time.GetUtcNow()));
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> FlagCommentAsync(string flaggerKey, int number)
    {
        var proposal = OpenProposal(flaggerKey);
        var comment = CommentOf(proposal, number);
        if (comment.Flags.Contains(flaggerKey) || comment.Hidden)
        {
            return proposal;
        }
        var flagged = new CommentFlagged(number, flaggerKey);
        if (comment.Flags.Length + 1 >= _flagsToHide)
        {
            await _journal.AppendAsync(flagged, new CommentHidden(number, $"Flagged by {_flagsToHide} residents; waiting for a moderator.", null, null, _time.GetUtcNow()));
        }
        else
        {
            await _journal.AppendAsync(flagged);
        }
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> ModerateCommentAsync(ModerateComment command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var proposal = Existing();
        var comment = CommentOf(proposal, command.Number);
        string reason = command.Reason?.Trim() ?? "";
        Require(reason.Length is >= 3 and <= 500, ProposalProblem.InvalidText, "Give a reason of 3 to 500 characters; it goes in the public moderation log.");
        Require(comment.Hidden != command.Hide, ProposalProblem.InvalidText, command.Hide ? "This comment is already hidden." : "This comment is not hidden.");
        await _journal.AppendAsync(command.Hide
            ? new CommentHidden(command.Number, reason, command.By, command.ByName, _time.GetUtcNow())
            : new CommentRestored(command.Number, reason, command.By, command.ByName, _time.GetUtcNow()));
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> AbsorbAsync(string sourceId, ProposalView source, Corporations.StaffMember by, string? byName = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = Existing();
        Require(target.Status == ProposalStatus.Open, ProposalProblem.Withdrawn, "Only an open proposal can take in a duplicate.");
        Require(source.Id != target.Id && source.NeighbourhoodId == target.NeighbourhoodId && source.CycleId == target.CycleId,
            ProposalProblem.InvalidText, "Merge two different proposals of the same cycle.");
        if (target.MergedFrom.Contains(sourceId))
        {
            return target;
        }
        Require(source.Status == ProposalStatus.Open, ProposalProblem.Withdrawn, "The duplicate was withdrawn or merged already.");
        await _journal.AppendAsync(new ProposalAbsorbed(sourceId, source.AuthorKey, source.Supporters, source.Pledges, by) { At = _time.GetUtcNow(), ByName = byName });
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> MarkMergedAsync(string targetId, Corporations.StaffMember by, string? byName = null)
    {
        var proposal = Existing();
        if (proposal.Status == ProposalStatus.Merged && proposal.MergedInto == targetId)
        {
            return proposal;
        }
        Require(proposal.Status == ProposalStatus.Open, ProposalProblem.Withdrawn, "Only an open proposal can be merged.");
        await _journal.AppendAsync(new ProposalMergedInto(targetId, by) { At = _time.GetUtcNow(), ByName = byName });
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> SuggestAmendmentAsync(string suggesterKey, ProposalText text)
    {
        var proposal = OpenProposal(suggesterKey);
        Require(proposal.AuthorKey != suggesterKey && !proposal.CoAuthors.Contains(suggesterKey), ProposalProblem.InvalidText,
            "You are an author of this proposal: edit it instead of suggesting an amendment.");
        var amended = Checked(text);
        Require(amended != proposal.Text, ProposalProblem.InvalidText, "The amendment is the same as the proposal.");
        await RequireWithinRulesAsync(proposal, amended);
        await _journal.AppendAsync(new AmendmentSuggested(proposal.Amendments.Length + 1, suggesterKey, amended, _time.GetUtcNow()));
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> AnswerAmendmentAsync(string authorKey, int number, bool accept)
    {
        var proposal = Existing();
        RequireAuthorOfOpen(proposal, authorKey);
        Require(number >= 1 && number <= proposal.Amendments.Length, ProposalProblem.UnknownProposal, $"This proposal has no amendment {number}.");
        var amendment = proposal.Amendments[number - 1];
        Require(amendment.Status == AmendmentStatus.Pending, ProposalProblem.InvalidText, "This amendment was already answered.");
        if (accept)
        {
            await RequireWithinRulesAsync(proposal, amendment.Text);
        }
        // Accepting is one append: the answer and the revision it makes land together or not at all.
        await (accept
            ? _journal.AppendAsync(new AmendmentAnswered(number, true), new ProposalRevised(amendment.Text))
            : _journal.AppendAsync(new AmendmentAnswered(number, false)));
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> UpdateImplementationAsync(ImplementationStatus status, string note, Corporations.StaffMember by)
    {
        var proposal = Existing();
        Require(Enum.IsDefined(status), ProposalProblem.InvalidText, "The status is planned, in progress, done or cancelled.");
        string text = note?.Trim() ?? "";
        Require(text.Length is >= 3 and <= 2_000, ProposalProblem.InvalidText, "Describe the update in 3 to 2,000 characters.");
        Require(proposal.Implementation.IsEmpty || proposal.Implementation[^1].Status is not (ImplementationStatus.Done or ImplementationStatus.Cancelled),
            ProposalProblem.InvalidText, "This proposal is already done or cancelled.");
        await _journal.AppendAsync(new ImplementationUpdated(status, text, _time.GetUtcNow(), by));
        return _journal.Confirmed.View!;
    }

    /// <summary>Every way a proposal's text can change (revision, amendment) meets the cycle's cost limits and
    /// categories, which the cycle's proposal list holds and also applies when a proposal is submitted.</summary>
    private async Task RequireWithinRulesAsync(ProposalView proposal, ProposalText text)
    {
        var rules = await _context.GrainFactory.GetGrain<ICycleProposalsGrain>(CycleKey.Of(proposal.NeighbourhoodId, proposal.CycleId)).GetRulesAsync();
        Require(rules.WhyNot(text) is null, ProposalProblem.InvalidText, rules.WhyNot(text) ?? "");
    }

    private static Comment CommentOf(ProposalView proposal, int number) =>
        number >= 1 && number <= proposal.Comments.Length
            ? proposal.Comments[number - 1]
            : throw new ProposalException(ProposalProblem.UnknownProposal, $"This proposal has no comment {number}.");

    public async Task<ProposalView> ReviewAsync(FeasibilityReview review, Corporations.StaffMember? by = null, string? byName = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        var proposal = Existing();
        Require(proposal.Status == ProposalStatus.Open, ProposalProblem.Withdrawn, "This proposal was withdrawn; there is nothing to review.");
        string? reason = string.IsNullOrWhiteSpace(review.Reason) ? null : review.Reason.Trim();
        Require(review.Feasible || reason is not null, ProposalProblem.InvalidText,
            "Say why the proposal is not feasible; the authors read the reason.");
        Require(reason is null || (reason.Length <= MaxReasonLength && !reason.Any(c => char.IsControl(c) && c != '\n')), ProposalProblem.InvalidText,
            $"Keep the reason to {MaxReasonLength} characters.");
        Require(review.AdjustedCostCents is null or > 0, ProposalProblem.InvalidText, "An adjusted cost must be more than zero.");
        await _journal.AppendAsync(new ProposalReviewed(review.Feasible, reason, review.AdjustedCostCents) { By = by, ByName = byName, At = _time.GetUtcNow() });
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> AddImageAsync(string authorKey, ProposalImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var proposal = Existing();
        RequireAuthorOfOpen(proposal, authorKey);
        Require(image.Hash is { Length: 64 } && image.Hash.All(Uri.IsHexDigit) && image.Size > 0 && !string.IsNullOrEmpty(image.ContentType),
            ProposalProblem.InvalidText, "The image is not stored.");
        string? alt = CheckedAlt(image.Alt);
        if (proposal.Images.Any(i => i.Hash == image.Hash))
        {
            return proposal;
        }
        Require(proposal.Images.Length < MaxImages, ProposalProblem.InvalidText, $"A proposal has at most {MaxImages} images; remove one first.");
        await _journal.AppendAsync(new ImageAdded(image.Hash, image.ContentType, image.Size) { Alt = alt });
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> RemoveImageAsync(string authorKey, string hash)
    {
        var proposal = Existing();
        RequireAuthorOfOpen(proposal, authorKey);
        Require(proposal.Images.Any(i => i.Hash == hash), ProposalProblem.UnknownProposal, "This proposal has no such image.");
        await _journal.AppendAsync(new ImageRemoved(hash));
        return _journal.Confirmed.View!;
    }

    public async Task<ProposalView> DescribeImageAsync(string authorKey, string hash, string? alt)
    {
        var proposal = Existing();
        RequireAuthorOfOpen(proposal, authorKey);
        var image = proposal.Images.FirstOrDefault(i => i.Hash == hash);
        Require(image is not null, ProposalProblem.UnknownProposal, "This proposal has no such image.");
        string? description = CheckedAlt(alt);
        if (description == image!.Alt)
        {
            return proposal;
        }
        await _journal.AppendAsync(new ImageDescribed(hash) { Alt = description });
        return _journal.Confirmed.View!;
    }

    /// <summary>A description trimmed, or null when blank; refused when it would not fit one line of an alt text.</summary>
    private static string? CheckedAlt(string? alt)
    {
        string? description = string.IsNullOrWhiteSpace(alt) ? null : alt.Trim();
        Require(description is null || (description.Length <= MaxAltLength && !description.Any(char.IsControl)), ProposalProblem.InvalidText,
            $"Describe the image on one line in at most {MaxAltLength} characters.");
        return description;
    }

    private ProposalView OpenProposal(string residentKey)
    {
        Require(!string.IsNullOrEmpty(residentKey), ProposalProblem.InvalidText, "Sign in as a resident first.");
        var proposal = Existing();
        Require(proposal.Status == ProposalStatus.Open, ProposalProblem.Withdrawn, proposal.MergedInto is { } into
            ? $"This proposal was merged into {into[(into.LastIndexOf('.') + 1)..]}; support and help go there now."
            : "This proposal was withdrawn.");
        return proposal;
    }

    private ProposalView Existing() =>
        _journal.Tentative.View ?? throw new ProposalException(ProposalProblem.UnknownProposal, "There is no proposal with this id.");

    private static void RequireAuthorOfOpen(ProposalView proposal, string authorKey)
    {
        Require(string.Equals(proposal.AuthorKey, authorKey, StringComparison.Ordinal) || proposal.CoAuthors.Contains(authorKey), ProposalProblem.NotTheAuthor,
            "Only the authors can change or withdraw this proposal.");
        Require(proposal.Status == ProposalStatus.Open, ProposalProblem.Withdrawn, "This proposal was withdrawn or merged and can no longer change.");
    }

    private static ProposalText Checked(ProposalText? text)
    {
        Require(text is not null, ProposalProblem.InvalidText, "The proposal's text is missing.");
        var title = text!.Title?.Trim() ?? "";
        var description = text.Description?.Trim() ?? "";
        Require(title.Length is >= 3 and <= MaxTitleLength, ProposalProblem.InvalidText,
            $"Give the proposal a title of 3 to {MaxTitleLength} characters.");
        Require(description.Length is >= 1 and <= MaxDescriptionLength, ProposalProblem.InvalidText,
            $"Describe the proposal in at most {MaxDescriptionLength} characters.");
        Require(text.CostCents > 0, ProposalProblem.InvalidText, "Estimate what the proposal costs; the cost must be more than zero.");
        Require(text.Place is null || text.Place.Length <= 200, ProposalProblem.InvalidText, "Describe the place in at most 200 characters.");
        Require(text.Point is null || GeoPoint.WhyNot(text.Point.Latitude, text.Point.Longitude) is null, ProposalProblem.InvalidText,
            text.Point is null ? "" : GeoPoint.WhyNot(text.Point.Latitude, text.Point.Longitude) ?? "");
        return text with
        {
            Title = title, Description = description, Place = string.IsNullOrWhiteSpace(text.Place) ? null : text.Place.Trim(),
            Category = string.IsNullOrWhiteSpace(text.Category) ? null : text.Category.Trim(),
            Point = text.Point?.Rounded(),
        };
    }

    private static void Require(bool condition, ProposalProblem problem, string message)
    {
        if (!condition)
        {
            throw new ProposalException(problem, message);
        }
    }
}
