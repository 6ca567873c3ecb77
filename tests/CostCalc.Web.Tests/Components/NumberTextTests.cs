using CostCalc.Web.Components.Calculator;

namespace CostCalc.Web.Tests.Components;

public class NumberTextTests
{
    [Theory]
    [InlineData("1000000", 1_000_000)]
    [InlineData("1,000,000", 1_000_000)]
    [InlineData("1 000 000", 1_000_000)]
    [InlineData(" 28 ", 28)]
    [InlineData("0.2", 0.2)]
    [InlineData("1,234.5", 1_234.5)]
    [InlineData("-5", -5)]
    [InlineData("1e3", 1_000)]
    public void Parse_PointDecimalsAndGroupedThousands_AreRead(string text, double expected)
    {
        var (value, error) = NumberText.Parse(text);

        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,5")]      // a decimal comma: refused, never 15
    [InlineData("0,25")]
    [InlineData("10,00")]
    [InlineData("1,0000")]
    [InlineData("12,345,67")]
    public void Parse_CommaThatDoesNotGroupThousands_IsRefused(string text)
    {
        var (value, error) = NumberText.Parse(text);

        Assert.Null(value);
        Assert.Equal(NumberText.DecimalCommaMessage, error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void Parse_NotANumber_SaysSo(string text)
    {
        var (value, error) = NumberText.Parse(text);

        Assert.Null(value);
        Assert.Equal("Not a number.", error);
    }

    [Fact]
    public void Parse_Empty_IsNeitherValueNorError() => Assert.Equal((null, null), NumberText.Parse("  "));

    [Theory]
    [InlineData(1_000_000, "1,000,000")]
    [InlineData(0.2, "0.2")]
    [InlineData(28, "28")]
    [InlineData(1_234.5, "1,234.5")]
    public void Format_GroupsThousandsWithoutTrailingZeros(double value, string expected) =>
        Assert.Equal(expected, NumberText.Format(value));
}
