using CostCalc.Domain.Comparing;
using CostCalc.Domain.Tests.TestSupport;

namespace CostCalc.Domain.Tests.Comparing;

/// <summary>For random estimated scenarios: the first scenario's deltas are 0, and every delta is its total less the first's, to the cent.</summary>
public sealed class ComparisonPropertyTests
{
    [Theory]
    [MemberData(nameof(PropertyCases.Seeds), MemberType = typeof(PropertyCases))]
    public void Deltas_AreTotalsLessTheFirstsTotals(int seed)
    {
        var random = new Random(seed);
        var entries = Enumerable.Range(0, random.Next(2, 5))
            .Select(_ => new ComparisonEntry(null, Fixture.Estimate(RandomScenarios.Any(random)))).ToList();
        var comparison = Comparison.Of(entries);

        foreach (var path in comparison.First.Paths.Where(p => p.HorizonUsd is not null))
        {
            Assert.Equal(0m, path.HorizonDelta.Usd);
            Assert.Equal(0m, path.Month1Delta.Usd);
        }

        foreach (var scenario in comparison.Scenarios)
        {
            foreach (var path in scenario.Paths)
            {
                var first = comparison.First.Find(path.Path);
                var expected = path.HorizonUsd - first?.HorizonUsd;
                Assert.Equal(Cents(expected), Cents(path.HorizonDelta.Usd));
                Assert.Equal(Cents(path.Month1Usd - first?.Month1Usd), Cents(path.Month1Delta.Usd));
            }
        }
    }

    private static decimal? Cents(decimal? usd) => usd is { } v ? Math.Round(v, 2) : null;
}
