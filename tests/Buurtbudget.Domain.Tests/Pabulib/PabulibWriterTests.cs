using System.Text;
using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

public class PabulibWriterTests
{
    [Fact]
    public void Writing_a_file_read_from_canonical_text_gives_that_text_back()
    {
        var text = PbSamples.WithLine(PbSamples.Approval, 12, "2;500.0;Bench;none") + "\n";

        Assert.Equal(text, PabulibWriter.WriteToString(PbSamples.Read(text)));
    }

    [Fact]
    public void Writing_then_reading_gives_an_equal_file_for_every_vote_type()
    {
        foreach (var text in new[] { PbSamples.Approval, PbSamples.Cumulative, PbSamples.Ordinal })
        {
            var file = PbSamples.Read(text);

            Assert.Equal(file, PbSamples.Read(PabulibWriter.WriteToString(file)));
        }
    }

    [Fact]
    public void Writing_uses_LF_line_endings_only_even_for_a_CRLF_input()
    {
        var written = PabulibWriter.WriteToString(PbSamples.Read(PbSamples.WithCrLf(PbSamples.Approval)));

        Assert.DoesNotContain('\r', written);
        Assert.StartsWith("META\nkey;value\ndescription;Speeltuinen in Oost\n", written, StringComparison.Ordinal);
        Assert.EndsWith("\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_with_semicolons_quotes_or_line_breaks_are_quoted_with_doubled_quotes()
    {
        var text = PbSamples.WithLine(PbSamples.Approval, 11, "1;400;\"Park \"\"De Hoek\"\"\nfase 2\";\"a;b\"");

        var written = PabulibWriter.WriteToString(PbSamples.Read(text));

        Assert.Contains("\n1;400;\"Park \"\"De Hoek\"\"\nfase 2\";\"a;b\"\n", written, StringComparison.Ordinal);
        Assert.Contains("\n3;300;\"Trees; many\";\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_written_as_none_and_empty_text_as_an_empty_field()
    {
        var written = PabulibWriter.WriteToString(PbSamples.Read(PbSamples.Approval));

        Assert.Contains("\n2;500.0;Bench;none\n", written, StringComparison.Ordinal);
        Assert.Contains("\nb;3;none\n", written, StringComparison.Ordinal);
        Assert.Contains("\n3;300;\"Trees; many\";\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_that_reads_like_a_section_name_is_quoted_so_it_stays_data()
    {
        var file = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 11, "1;400;\"VOTES\";meta"));

        var written = PabulibWriter.WriteToString(file);

        Assert.Contains("\n1;400;\"VOTES\";\"meta\"\n", written, StringComparison.Ordinal);
        Assert.Equal(file, PbSamples.Read(written));
    }

    [Fact]
    public void Numbers_are_written_culture_invariant_with_their_scale()
    {
        var text = PbSamples.WithLine(PbSamples.WithLine(PbSamples.Cumulative, 6, "budget;361677.8"), 16, "a;3,1;7.50,2.5");

        var written = PabulibWriter.WriteToString(PbSamples.Read(text));

        Assert.Contains("\nbudget;361677.8\n", written, StringComparison.Ordinal);
        Assert.Contains("\na;3,1;7.50,2.5\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_to_a_path_gives_UTF8_without_byte_order_mark_that_reads_back_equal()
    {
        var file = PbSamples.Read(PbSamples.WithLine(PbSamples.Approval, 3, "description;Łódź — Zürich"));
        var path = Path.Combine(Path.GetTempPath(), $"buurtbudget-{Guid.NewGuid():N}.pb");
        try
        {
            PabulibWriter.Write(file, path);

            var bytes = File.ReadAllBytes(path);
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
            Assert.Equal(file, PabulibReader.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
