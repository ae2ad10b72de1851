using Buurtbudget.Domain.Households;

namespace Buurtbudget.Domain.Tests.Households;

public sealed class Address_lists
{
    [Fact]
    public void A_Dutch_spreadsheet_export_with_semicolons_a_byte_order_mark_and_quotes_reads_as_households()
    {
        var list = AddressList.Read("\uFEFFstraat;huisnummer;plaats\r\nDorpsstraat;1;Amsterdam\r\n\"Kade; zijde\";\"12 \"\"bis\"\"\";Amsterdam\r\n;;\r\n");

        Assert.Equal(';', list.Separator);
        Assert.Equal(["straat", "huisnummer", "plaats"], list.Header.ToArray());
        Assert.Equal(["Dorpsstraat, 1, Amsterdam", "Kade; zijde, 12 \"bis\", Amsterdam"], list.Households.Select(h => h.Label).ToArray());
        Assert.Equal([2, 3], list.Households.Select(h => h.Line).ToArray());
    }

    [Theory]
    [InlineData("adres,plaats\nA 1,X\n", ',')]
    [InlineData("adres\tplaats\nA 1\tX\n", '\t')]
    [InlineData("adres\nA 1\n", ',')]
    public void The_separator_is_taken_from_the_header_line(string text, char separator)
    {
        Assert.Equal(separator, AddressList.Read(text).Separator);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("straat;nr\n", 2, "no households")]
    [InlineData("straat;nr\nA;1\nB;2;3\n", 3, "3 fields, the header has 2")]
    [InlineData("straat;nr\nA;1\nB;2\na ;1\n", 4, "already on line 2")]
    [InlineData("straat;straat\nA;1\n", 1, "more than once")]
    [InlineData("straat;nr\nA;\"1\nB;2\n", 2, "never closed")]
    [InlineData("straat;nr\nA;1\"x\n", 2, "must be doubled")]
    [InlineData("straat;nr\nA;\"1\"x\n", 2, "Text follows a closing quote")]
    [InlineData("straat;voting_code\nA;1\n", 1, "mail-merge")]
    [InlineData("straat;nr\nA;\"1\n2\"\n", 2, "control character")]
    public void A_broken_list_is_refused_with_the_line_and_what_is_wrong(string text, int line, string message)
    {
        var refused = Assert.Throws<AddressListException>(() => AddressList.Read(text));

        Assert.Contains(refused.Problems, p => p.Line == line && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var refused = Assert.Throws<AddressListException>(() => AddressList.Read("a;b\n1;2\n3\n1;2\n4;5;6\n"));

        Assert.Equal([3, 4, 5], refused.Problems.Select(p => p.Line).ToArray());
        Assert.StartsWith("Line 3:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_numbers_follow_quoted_fields_that_span_lines()
    {
        var refused = Assert.Throws<AddressListException>(() => AddressList.Read("a;b\n\"x\ny\";1\n1;2;3\n"));

        Assert.Contains(refused.Problems, p => p.Line == 4 && p.Message.Contains("3 fields", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_longer_than_the_limit_is_refused_whole()
    {
        var text = "adres\n" + string.Concat(Enumerable.Range(1, AddressList.MaxHouseholds + 1).Select(i => $"Straat {i}\n"));

        var refused = Assert.Throws<AddressListException>(() => AddressList.Read(text));

        Assert.Contains(refused.Problems, p => p.Line == AddressList.MaxHouseholds + 2);
    }

    [Fact]
    public void The_mail_merge_file_adds_a_code_column_in_the_same_separator_and_defuses_formulas()
    {
        var list = AddressList.Read("straat;nr\n\"=HYPERLINK(\"\"x\"\")\";1\n\"Kade; zijde\";2\n");

        var merged = list.WithCodes(["AAAA-BBBB-CCCC-DDDD", "EEEE-FFFF-GGGG-HHHH"]);

        Assert.Equal("straat;nr;voting_code\r\n\"'=HYPERLINK(\"\"x\"\")\";1;AAAA-BBBB-CCCC-DDDD\r\n\"Kade; zijde\";2;EEEE-FFFF-GGGG-HHHH\r\n", merged);
        var reread = AddressList.Read(merged.Replace(";voting_code", ";code", StringComparison.Ordinal));
        Assert.Equal("'=HYPERLINK(\"x\")", reread.Households[0].Fields[0]);
    }
}
