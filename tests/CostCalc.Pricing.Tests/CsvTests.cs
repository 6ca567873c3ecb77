using System.Globalization;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Tests;

public sealed class CsvTests
{
    private static List<string[]> ReadAll(string text)
    {
        var csv = new CsvFile(new StringReader(text), "test.csv");
        List<string[]> rows = [[.. csv.Header]];
        while (csv.ReadRow())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv[i])]);
        }

        return rows;
    }

    [Fact]
    public void ReadRow_QuotedFields_UnescapeCommasQuotesAndLineBreaks()
    {
        var rows = ReadAll("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,\"\"\n");

        Assert.Equal(["x,y", "say \"hi\"", "two\nlines"], rows[1]);
        Assert.Equal(["plain", "", ""], rows[2]);
    }

    [Fact]
    public void ReadRow_CommentsBlankLinesAndCrLf_AreHandled()
    {
        var rows = ReadAll("# origin\r\na,b\r\n\r\n# note\r\n1,2\r\n\"#3\",4");

        Assert.Equal([["a", "b"], ["1", "2"], ["#3", "4"]], rows);
    }

    [Fact]
    public void ReadRow_WrongFieldCount_ThrowsWithLineNumber()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReadAll("# c\na,b\n1,2\n1,2,3\n"));

        Assert.Equal("test.csv line 4: 3 fields, header has 2", error.Message);
    }

    [Theory]
    [InlineData("a\n\"open\n")]
    [InlineData("a\n\"x\"y\n")]
    public void ReadRow_MalformedQuotes_Throws(string text)
    {
        Assert.Throws<InvalidDataException>(() => ReadAll(text));
    }

    [Fact]
    public void CsvWriter_FieldsNeedingQuotes_RoundTripThroughCsvFile()
    {
        string[] tricky = ["#lead", "a,b", "q\"q", "line\nbreak", "", "plain"];
        var writer = new CsvWriter();
        writer.Comment("hello");
        writer.Row("c1", "c2", "c3", "c4", "c5", "c6");
        writer.Row(tricky);

        var rows = ReadAll(writer.ToString());

        Assert.Equal(tricky, rows[1]);
        Assert.Equal(2, writer.RowCount);
    }

    [Theory]
    [InlineData("0.096000")]
    [InlineData("2.736")]
    [InlineData("40.96")]
    [InlineData("0")]
    [InlineData("737")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("-62")]
    [InlineData("123456789012.345678")]
    [InlineData("1234567890123456789.5")]
    public void Decimal_AnyPlainNumber_ParsesLikeDecimalParseKeepingScale(string text)
    {
        var csv = new CsvFile(new StringReader($"v\n{text}\n"), "test.csv");
        Assert.True(csv.ReadRow());

        var parsed = CsvValues.Decimal(csv, 0);

        var expected = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), parsed.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("1e3")]
    public void Decimal_NotANumber_Throws(string text)
    {
        var csv = new CsvFile(new StringReader($"v\n\"{text}\"\n"), "test.csv");
        Assert.True(csv.ReadRow());

        Assert.Throws<InvalidDataException>(() => CsvValues.Decimal(csv, 0));
    }
}
