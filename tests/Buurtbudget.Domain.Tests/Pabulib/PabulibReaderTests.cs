using System.Text;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

public class PabulibReaderTests
{
    [Fact]
    public void Reading_a_small_approval_file_gives_its_meta_projects_and_votes()
    {
        var file = PbSamples.Read(PbSamples.Approval);

        Assert.Equal(1000.50m, file.Budget);
        Assert.Equal(VoteType.Approval, file.VoteType);
        Assert.Equal(["description", "num_projects", "num_votes", "budget", "vote_type", "currency"],
            file.Meta.Select(m => m.Key));
        Assert.Equal("Speeltuinen in Oost", file.MetaValue("description"));
        Assert.Equal(["project_id", "cost", "name", "category"], file.ProjectColumns.ToArray());
        Assert.Equal(["name", "category"], file.ProjectFieldNames.ToArray());
        Assert.Equal(["1", "2", "3"], file.Projects.Select(p => p.Id));
        Assert.Equal([400m, 500m, 300m], file.Projects.Select(p => p.Cost));
        Assert.Equal(["voter_id", "vote", "age"], file.VoteColumns.ToArray());
        Assert.Equal(["age"], file.VoteFieldNames.ToArray());
        Assert.False(file.HasPoints);
        Assert.Equal(["a", "b", "c"], file.Votes.Select(v => v.VoterId));
        Assert.Equal(["1", "2"], file.Votes[0].ProjectIds.ToArray());
        Assert.Null(file.Votes[0].Points);
        Assert.Equal("34", file.VoteField(file.Votes[0], "age"));
    }

    [Fact]
    public void Reading_a_file_with_CRLF_line_endings_gives_the_same_file_as_LF()
    {
        var lf = PbSamples.Read(PbSamples.Approval);
        var crlf = PbSamples.Read(PbSamples.WithCrLf(PbSamples.Approval));

        Assert.Equal(lf, crlf);
    }

    [Fact]
    public void Reading_a_file_that_mixes_LF_CRLF_and_lone_CR_gives_the_same_file_as_LF()
    {
        var lines = PbSamples.Lines(PbSamples.Approval);
        var mixed = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            mixed.Append(lines[i]).Append((i % 3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" });
        }

        Assert.Equal(PbSamples.Read(PbSamples.Approval), PbSamples.Read(mixed.ToString()));
    }

    [Fact]
    public void Reading_a_file_with_a_byte_order_mark_gives_the_same_file_as_without()
    {
        var plain = PbSamples.Read(PbSamples.Approval);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PbSamples.Approval)).ToArray();

        Assert.Equal(plain, PbSamples.Read("\uFEFF" + PbSamples.Approval));
        Assert.Equal(plain, PabulibReader.Read(new MemoryStream(bytes)));
    }

    [Fact]
    public void Reading_from_a_path_a_stream_or_a_text_reader_gives_the_same_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"buurtbudget-{Guid.NewGuid():N}.pb");
        File.WriteAllText(path, PbSamples.Approval, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var expected = PbSamples.Read(PbSamples.Approval);
            using var stream = File.OpenRead(path);

            Assert.Equal(expected, PabulibReader.Read(path));
            Assert.Equal(expected, PabulibReader.Read(stream));
            Assert.Equal(expected, PabulibReader.Read(new StringReader(PbSamples.Approval)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Blank_and_whitespace_only_lines_anywhere_are_skipped()
    {
        var spaced = PbSamples.Join(PbSamples.Lines(PbSamples.Approval).SelectMany(l => new[] { l, "", "   " }));

        Assert.Equal(PbSamples.Read(PbSamples.Approval), PbSamples.Read("\n\n" + spaced + "\n\n"));
    }

    [Fact]
    public void A_final_newline_is_optional()
    {
        Assert.Equal(PbSamples.Read(PbSamples.Approval), PbSamples.Read(PbSamples.Approval + "\n"));
    }

    [Fact]
    public void Quoted_fields_may_hold_semicolons_doubled_quotes_and_line_breaks()
    {
        var text = PbSamples.WithLine(PbSamples.Approval, 11, "1;400;\"Park \"\"De Hoek\"\"; fase 2\nmet bankjes\";groen");

        var file = PbSamples.Read(text);

        Assert.Equal("Park \"De Hoek\"; fase 2\nmet bankjes", file.ProjectField(file.Projects[0], "name"));
        Assert.Equal("Trees; many", file.ProjectField(file.Projects[2], "name"));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_kept_as_Python_csv_does()
    {
        var file = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 11, "1;400;\"Park\" Oost;groen"));

        Assert.Equal("Park Oost", file.ProjectField(file.Projects[0], "name"));
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_an_ordinary_character()
    {
        var file = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 11, "1;400;Park \"Oost\";groen"));

        Assert.Equal("Park \"Oost\"", file.ProjectField(file.Projects[0], "name"));
    }

    [Fact]
    public void None_in_any_letter_case_is_read_as_null_and_an_empty_field_as_empty_text()
    {
        var text = PbSamples.WithLine(PbSamples.Approval, 11, "1;400;None;NONE ");

        var file = PbSamples.Read(text);

        Assert.Null(file.ProjectField(file.Projects[0], "name"));
        Assert.Null(file.ProjectField(file.Projects[0], "category"));
        Assert.Null(file.ProjectField(file.Projects[1], "category"));
        Assert.Equal("", file.ProjectField(file.Projects[2], "category"));
        Assert.Null(file.VoteField(file.Votes[1], "age"));
    }

    [Fact]
    public void A_meta_value_none_is_read_as_null()
    {
        var file = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 8, "currency;none"));

        Assert.Equal(new PabulibMetaEntry("currency", null), file.Meta[^1]);
    }

    [Fact]
    public void Decimal_budgets_and_costs_with_a_point_zero_keep_their_exact_value_and_spelling()
    {
        var file = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 6, "budget;2158427.19"));

        Assert.Equal(2158427.19m, file.Budget);
        Assert.Equal("500.0", file.Projects[1].Cost.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Project_ids_are_strings_so_010_and_10_are_different_projects()
    {
        var text = PbSamples.WithLine(PbSamples.WithLine(PbSamples.Approval, 11, "010;400;Park;groen"), 12, "10;500;Bench;none");
        text = PbSamples.WithLine(text, 16, "a;010,10;34");

        var file = PbSamples.Read(text);

        Assert.Equal(["010", "10"], file.Votes[0].ProjectIds.ToArray());
    }

    [Fact]
    public void An_empty_vote_is_a_ballot_without_projects()
    {
        var file = PbSamples.Read(PbSamples.Approval);

        Assert.Empty(file.Votes[2].ProjectIds);
    }

    [Fact]
    public void Spaces_around_ids_column_names_and_meta_keys_are_ignored()
    {
        var text = PbSamples.WithLine(PbSamples.Approval, 10, " project_id ; cost ;name;category");
        text = PbSamples.WithLine(text, 11, " 1 ;400;Park;groen");
        text = PbSamples.WithLine(text, 16, " a ; 1 , 2 ;34");
        text = PbSamples.WithLine(text, 8, " currency ;EUR");

        Assert.Equal(PbSamples.Read(PbSamples.Approval), PbSamples.Read(text));
    }

    [Fact]
    public void Section_names_ignore_letter_case_and_trailing_empty_fields()
    {
        var text = PbSamples.WithLine(PbSamples.WithLine(PbSamples.Approval, 9, "projects;;"), 14, " Votes ;");

        Assert.Equal(PbSamples.Read(PbSamples.Approval), PbSamples.Read(text));
    }

    [Fact]
    public void A_quoted_section_name_is_data_not_the_start_of_a_section()
    {
        var file = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 11, "1;400;\"VOTES\";"));

        Assert.Equal("VOTES", file.ProjectField(file.Projects[0], "name"));
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_keep_it()
    {
        var text = PbSamples.WithLine(PbSamples.Approval, 10, "name;cost;category;project_id");
        text = PbSamples.WithLine(text, 11, "Park;400;groen;1");
        text = PbSamples.WithLine(text, 12, "Bench;500.0;none;2");
        text = PbSamples.WithLine(text, 13, "\"Trees; many\";300;;3");
        text = PbSamples.WithLine(text, 15, "age;vote;voter_id");
        text = PbSamples.WithLine(text, 16, "34;1,2;a");
        text = PbSamples.WithLine(text, 17, "none;3;b");
        text = PbSamples.WithLine(text, 18, "51;;c");

        var file = PbSamples.Read(text);
        var original = PbSamples.Read(PbSamples.Approval);

        Assert.Equal(["name", "cost", "category", "project_id"], file.ProjectColumns.ToArray());
        Assert.Equal(original.Projects.ToArray(), file.Projects.ToArray());
        Assert.Equal(original.Votes.ToArray(), file.Votes.ToArray());
        Assert.Equal(file, PbSamples.Read(PabulibWriter.WriteToString(file)));
    }

    [Fact]
    public void Cumulative_votes_carry_points_aligned_with_their_projects()
    {
        var file = PbSamples.Read(PbSamples.Cumulative);

        Assert.Equal(VoteType.Cumulative, file.VoteType);
        Assert.True(file.HasPoints);
        Assert.Equal(["3", "1"], file.Votes[0].ProjectIds.ToArray());
        Assert.Equal([7m, 3m], file.Votes[0].Points!.Value.ToArray());
        Assert.Empty(file.Votes[2].Points!.Value);
    }

    [Fact]
    public void Scoring_votes_may_give_negative_points()
    {
        var text = PbSamples.WithLine(PbSamples.WithLine(PbSamples.Cumulative, 7, "vote_type;scoring"), 16, "a;3,1;-2,1.5");

        var file = PbSamples.Read(text);

        Assert.Equal(VoteType.Scoring, file.VoteType);
        Assert.Equal([-2m, 1.5m], file.Votes[0].Points!.Value.ToArray());
    }

    [Fact]
    public void Ordinal_votes_keep_the_rank_order()
    {
        var file = PbSamples.Read(PbSamples.Ordinal);

        Assert.Equal(VoteType.Ordinal, file.VoteType);
        Assert.Equal(["z", "x", "y"], file.Votes[0].ProjectIds.ToArray());
    }

    [Theory]
    [InlineData("choose-1", VoteType.ChooseOne)]
    [InlineData("approval", VoteType.Approval)]
    [InlineData("ordinal", VoteType.Ordinal)]
    [InlineData(" Approval ", VoteType.Approval)]
    public void Vote_types_are_recognised_by_their_Pabulib_name(string name, VoteType expected)
    {
        var file = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 7, $"vote_type;{name}"));

        Assert.Equal(expected, file.VoteType);
    }

    [Fact]
    public void A_project_repeated_on_an_approval_ballot_is_kept_as_written()
    {
        var file = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 16, "a;1,2,2,1;34"));

        Assert.Equal(["1", "2", "2", "1"], file.Votes[0].ProjectIds.ToArray());
    }

    [Fact]
    public void A_points_column_in_an_approval_file_is_kept()
    {
        var text = PbSamples.WithLine(PbSamples.Cumulative, 7, "vote_type;approval");

        var file = PbSamples.Read(text);

        Assert.Equal([7m, 3m], file.Votes[0].Points!.Value.ToArray());
    }

    [Fact]
    public void Votes_share_the_project_id_strings_instead_of_copying_them()
    {
        var file = PbSamples.Read(PbSamples.Approval);

        Assert.Same(file.Projects[0].Id, file.Votes[0].ProjectIds[0]);
    }
}
