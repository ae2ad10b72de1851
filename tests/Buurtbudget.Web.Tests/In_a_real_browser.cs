namespace Buurtbudget.Web.Tests;

/// <summary>
/// The web front end end to end: Chromium (playwright-core) against the real server on PostgreSQL, signing in
/// through a real OpenID Provider. Each scenario is a script in tests/web/scenarios that prints its steps; a failure
/// shows the step, what was expected, and the server's last output.
/// </summary>
public sealed class In_a_real_browser(LiveSite site, Xunit.Abstractions.ITestOutputHelper log) : IClassFixture<LiveSite>
{
    [Fact]
    public async Task A_whole_budget_cycle_from_setting_it_up_to_checking_a_receipt() => await RunAsync("whole-cycle");

    [Fact]
    public async Task Residents_vote_with_their_codes_see_the_turnout_live_and_check_their_receipts() => await RunAsync("residents-vote");

    [Fact]
    public async Task Residents_submit_discuss_support_and_amend_proposals() => await RunAsync("proposals");

    [Fact]
    public async Task Moderators_run_rounds_hide_flagged_comments_and_merge_duplicates() => await RunAsync("moderation");

    [Fact]
    public async Task A_corporation_sets_up_a_cycle_hands_out_codes_reviews_opens_and_closes_voting() => await RunAsync("corporation");

    [Fact]
    public async Task Residents_who_sign_in_with_their_corporations_account_find_their_cycle_and_vote() => await RunAsync("account-residents");

    [Fact]
    public async Task A_resident_signs_in_votes_and_gets_a_receipt_and_staff_close_the_vote_with_the_keyboard_alone() => await RunAsync("keyboard-only");

    private async Task RunAsync(string scenario)
    {
        var (exitCode, output) = await site.RunScenarioAsync(scenario, TimeSpan.FromMinutes(4));
        log.WriteLine(output);
        Assert.True(exitCode == 0, $"scenario {scenario} failed (exit {exitCode}):\n{output}");
    }
}
