using CostCalc.Domain.Tests.TestSupport;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>The verdict's saving is what the two totals differ by as they are shown, in whole dollars.</summary>
public sealed class VerdictRoundingTests
{
    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Saving_EqualsTheDifferenceOfTheShownTotals(int seed)
    {
        var estimate = Fixture.Estimate(RandomScenarios.Any(new Random(seed)));
        var verdict = estimate.Verdict;
        if (verdict.CheapestPath is null)
        {
            return;
        }

        decimal Total(string path) => verdict.Comparisons.Single(c => c.Path == path).HorizonUsd!.Value;
        var shown = Formats.WholeUsd(Total(verdict.RunnerUpPath!)) - Formats.WholeUsd(Total(verdict.CheapestPath));

        Assert.Contains($" saves {Formats.Usd(shown)} (", verdict.Summary, StringComparison.Ordinal);
    }

    [Theory]
    // $100.50 shows as $101 and $99.49 as $99, so the shown difference is $2 although the exact one is $1.01.
    [InlineData("100.50", "99.49", "+$2")]
    // $10.49 and $10.50 show as $10 and $11: the difference shown is −$1, not "$0" from the exact −$0.01.
    [InlineData("10.49", "10.50", "−$1")]
    [InlineData("73.00", "0", "+$73")]
    public void UsdDifference_IsTheDifferenceOfTheWholeDollarFigures(string value, string reference, string expected) =>
        Assert.Equal(expected, Formats.UsdDifference(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(reference, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(1, "1 core")]
    [InlineData(0.5, "0.5 cores")]
    [InlineData(2, "2 cores")]
    public void Cores_AgreesWithItsNumber(double value, string expected) => Assert.Equal(expected, Formats.Cores(value));
}
