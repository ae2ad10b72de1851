using static Buurtbudget.Domain.Tests.Pabulib.PabulibAssert;
using static Buurtbudget.Domain.Tests.Pabulib.PbSamples;

namespace Buurtbudget.Domain.Tests.Pabulib;

/// <summary>Every malformed input names its line, its column where there is one, and what was expected.</summary>
public class PabulibReaderErrorTests
{
    [Fact]
    public void A_cost_that_is_not_a_number_is_reported_on_its_line()
    {
        ReadFails(WithLine(Approval, 12, "2;12a;Bench;none"), 12, "cost", "line 12: cost '12a' is not a number");
    }

    [Fact]
    public void A_cost_with_a_decimal_comma_is_not_a_number_rather_than_a_guess()
    {
        ReadFails(WithLine(Approval, 12, "2;\"4,000\";Bench;none"), 12, "cost", "cost '4,000' is not a number");
    }

    [Fact]
    public void An_empty_cost_is_reported()
    {
        ReadFails(WithLine(Approval, 12, "2;none;Bench;none"), 12, "cost", "cost is empty");
    }

    [Fact]
    public void A_negative_cost_is_reported()
    {
        ReadFails(WithLine(Approval, 12, "2;-500;Bench;none"), 12, "cost", "cost '-500' cannot be negative");
    }

    [Fact]
    public void An_empty_file_is_reported_on_line_1()
    {
        ReadFails("", 1, null, "expected the META section first, but the file is empty");
        ReadFails("\n  \n", 1, null, "expected the META section first, but the file is empty");
    }

    [Fact]
    public void A_file_that_does_not_start_with_META_is_reported_on_its_first_line_with_content()
    {
        ReadFails("\n\nPROJECTS\nproject_id;cost\n", 3, null, "line 3: expected the META section first, but found 'PROJECTS'");
    }

    [Fact]
    public void A_missing_meta_header_is_reported()
    {
        ReadFails(WithLine(Approval, 2, "description;x"), 2, null, "expected the META header 'key;value' after META, but found 'description'");
    }

    [Fact]
    public void A_meta_line_with_an_unquoted_semicolon_is_reported()
    {
        ReadFails(WithLine(Approval, 3, "description;Parks; benches"), 3, null, "has 3 (a value containing ';' must be quoted)");
    }

    [Theory]
    [InlineData(6, "budget")]
    [InlineData(7, "vote_type")]
    [InlineData(4, "num_projects")]
    [InlineData(5, "num_votes")]
    public void A_missing_mandatory_meta_entry_is_reported_on_the_META_line(int line, string key)
    {
        ReadFails(WithoutLine(Approval, line), 1, key, $"line 1: META has no {key}, but every Pabulib file needs one");
    }

    [Fact]
    public void An_empty_budget_is_reported()
    {
        ReadFails(WithLine(Approval, 6, "budget;none"), 6, "budget", "budget is empty");
    }

    [Fact]
    public void A_budget_that_is_not_a_number_is_reported()
    {
        ReadFails(WithLine(Approval, 6, "budget;1.000,50"), 6, "budget", "budget '1.000,50' is not a number");
    }

    [Fact]
    public void A_negative_budget_is_reported()
    {
        ReadFails(WithLine(Approval, 6, "budget;-1"), 6, "budget", "budget '-1' cannot be negative");
    }

    [Fact]
    public void An_unknown_vote_type_is_reported_with_the_known_ones()
    {
        ReadFails(WithLine(Approval, 7, "vote_type;ranking"), 7, "vote_type",
            "vote_type 'ranking' is not one of approval, choose-1, cumulative, ordinal, scoring");
    }

    [Fact]
    public void A_count_that_is_not_a_whole_number_is_reported()
    {
        ReadFails(WithLine(Approval, 5, "num_votes;3.5"), 5, "num_votes", "num_votes '3.5' is not a whole number");
    }

    [Fact]
    public void A_duplicate_meta_key_is_reported_with_the_first_line()
    {
        ReadFails(WithLineBefore(Approval, 8, "budget;2000"), 8, "budget", "meta key 'budget' appears twice (also line 6)");
    }

    [Fact]
    public void A_num_votes_that_does_not_match_the_rows_is_reported_on_its_line()
    {
        ReadFails(WithLine(Approval, 5, "num_votes;4"), 5, "num_votes", "line 5: num_votes is 4 but VOTES has 3 rows");
    }

    [Fact]
    public void A_num_projects_that_does_not_match_the_rows_is_reported_on_its_line()
    {
        ReadFails(WithLine(Approval, 4, "num_projects;2"), 4, "num_projects", "num_projects is 2 but PROJECTS has 3 rows");
    }

    [Fact]
    public void A_file_that_ends_inside_META_is_reported()
    {
        ReadFails(Join(Lines(Approval).Take(8)), 8, null, "the file ends before the PROJECTS section");
    }

    [Fact]
    public void A_file_that_ends_inside_PROJECTS_is_reported()
    {
        ReadFails(Join(Lines(Approval).Take(13)), 13, null, "the file ends before the VOTES section");
    }

    [Fact]
    public void A_file_that_ends_right_after_a_section_name_is_reported()
    {
        ReadFails(Join(Lines(Approval).Take(14)), 14, null, "expected the VOTES header (voter_id;vote;...) after VOTES, but found the end of the file");
    }

    [Fact]
    public void VOTES_before_PROJECTS_is_reported()
    {
        ReadFails(WithLine(Approval, 9, "VOTES"), 9, null, "expected the PROJECTS section after META, but found VOTES");
    }

    [Fact]
    public void A_second_section_after_VOTES_is_reported()
    {
        ReadFails(Approval + "\nMETA\nkey;value", 19, null, "found a second META section after VOTES");
    }

    [Fact]
    public void A_projects_header_without_cost_is_reported_on_the_header()
    {
        ReadFails(WithLine(Approval, 10, "project_id;price;name;category"), 10, "cost", "the PROJECTS header has no cost column");
    }

    [Fact]
    public void A_votes_header_without_vote_is_reported_on_the_header()
    {
        ReadFails(WithLine(Approval, 15, "voter_id;ballot;age"), 15, "vote", "the VOTES header has no vote column");
    }

    [Fact]
    public void A_column_named_twice_is_reported()
    {
        ReadFails(WithLine(Approval, 10, "project_id;cost;name;name"), 10, "name", "column 'name' appears twice in the PROJECTS header");
    }

    [Fact]
    public void A_row_with_too_few_fields_is_reported_with_the_header()
    {
        ReadFails(WithLine(Approval, 12, "2;500;Bench"), 12, null, "expected 4 fields (project_id;cost;name;category) but found 3");
    }

    [Fact]
    public void A_row_with_too_many_fields_hints_at_quoting()
    {
        ReadFails(WithLine(Approval, 17, "b;3;none;x"), 17, null, "expected 3 fields (voter_id;vote;age) but found 4 (a value containing ';' must be quoted)");
    }

    [Fact]
    public void An_empty_project_id_is_reported()
    {
        ReadFails(WithLine(Approval, 12, ";500;Bench;none"), 12, "project_id", "project_id is empty");
    }

    [Fact]
    public void A_duplicate_project_id_is_reported_with_the_first_line()
    {
        ReadFails(WithLine(Approval, 13, "1;300;Trees;"), 13, "project_id", "line 13: project id '1' appears twice (also line 11)");
    }

    [Fact]
    public void A_project_id_with_a_comma_is_reported()
    {
        ReadFails(WithLine(Approval, 13, "\"3,4\";300;Trees;"), 13, "project_id", "project id '3,4' contains a comma");
    }

    [Fact]
    public void A_vote_naming_an_unknown_project_is_reported_on_its_line()
    {
        var manyVoters = Enumerable.Range(1, 800).Select(i => $"v{i};1;none");
        var text = WithLine(Approval, 5, "num_votes;804") + "\n" + Join(manyVoters) + "\nlast;1,99;none";

        ReadFails(text, 819, "vote", "line 819: vote names project '99' which is not in PROJECTS");
    }

    [Fact]
    public void A_vote_with_an_empty_entry_is_reported()
    {
        ReadFails(WithLine(Approval, 16, "a;1,,2;34"), 16, "vote", "vote '1,,2' has an empty entry between commas");
    }

    [Fact]
    public void A_duplicate_voter_id_is_reported_with_the_first_line()
    {
        ReadFails(WithLine(Approval, 18, "a;;51"), 18, "voter_id", "voter id 'a' appears twice (also line 16)");
    }

    [Fact]
    public void An_empty_voter_id_is_reported()
    {
        ReadFails(WithLine(Approval, 17, " ;3;none"), 17, "voter_id", "voter_id is empty");
    }

    [Fact]
    public void Points_that_do_not_match_the_vote_are_reported()
    {
        ReadFails(WithLine(Cumulative, 16, "a;3,1,2,4;7,3,1"), 16, "vote", "vote names project '4' which is not in PROJECTS");
        ReadFails(WithLine(Cumulative, 16, "a;3,1,2;7,3,1,0"), 16, "points", "line 16: points has 4 values but vote has 3");
    }

    [Fact]
    public void Points_that_are_not_numbers_are_reported()
    {
        ReadFails(WithLine(Cumulative, 16, "a;3,1;7,x"), 16, "points", "points value 'x' is not a number");
    }

    [Fact]
    public void A_cumulative_file_without_a_points_column_is_reported_on_the_header()
    {
        var text = WithLine(WithLine(WithLine(WithLine(Cumulative, 15, "voter_id;vote"), 16, "a;3,1"), 17, "b;2"), 18, "c;");

        ReadFails(text, 15, "points", "vote_type cumulative needs a points column in VOTES");
    }

    [Fact]
    public void Negative_cumulative_points_are_reported()
    {
        ReadFails(WithLine(Cumulative, 17, "b;2;-10"), 17, "points", "points '-10' cannot be negative in a cumulative vote");
    }

    [Fact]
    public void A_project_repeated_on_a_ballot_with_points_is_reported()
    {
        ReadFails(WithLine(Cumulative, 16, "a;3,3;7,3"), 16, "vote", "vote names project '3' twice, so its points are ambiguous");
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_reported_where_it_opens()
    {
        ReadFails(WithLine(Approval, 18, "c;;\"51"), 18, null, "the closing quote never comes");
    }

    [Fact]
    public void Line_numbers_count_blank_lines_CRLF_and_line_breaks_inside_quoted_fields()
    {
        var text = WithCrLf(WithLineBefore(WithLine(Approval, 12, "2;12a;Bench;none"), 3, ""));
        text = WithLine(text, 12, "1;400;\"Park\r\nmet\nbankjes\";groen\r");

        // The bad cost was on line 12; one blank line before it and two breaks inside a field move it to 15.
        ReadFails(text, 15, "cost", "cost '12a' is not a number");
    }
}
