using System.Text.Json;
using Bunit;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Calculator;
using CostCalc.Web.Components.Charts;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CostCalc.Web.Tests.Components;

/// <summary>
/// Circuits showing the same what-if share one estimate, ranking, sensitivity and drawings (SharedResults, DrawnOnce):
/// the same figures as a fresh estimate, never another what-if's, and a new price snapshot never gets an old one.
/// </summary>
public sealed class SharedResultsTests : MudBunitContext
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void TheSameWhatIf_IsOneCopy_WithTheFiguresOfAFreshEstimate()
    {
        var shared = new SharedResults();
        var scenario = Scenario.Default with { PeakConnections = 250_000 };

        var first = shared.Get(Estimator, scenario, Today);
        var second = shared.Get(Estimator, Scenario.Default with { PeakConnections = 250_000 }, Today);   // equal, not the same object

        Assert.Same(first, second);
        Assert.Same(first.Ranking, second.Ranking);
        Assert.Same(first.Sensitivity, second.Sensitivity);
        // Sharing changes no figure: the shared estimate serialises exactly as one computed on its own.
        Assert.Equal(JsonSerializer.Serialize(Estimator.Estimate(scenario, Today)), JsonSerializer.Serialize(first.Estimate));
    }

    [Fact]
    public void AnotherScenario_AnotherDay_OrAnotherEstimator_IsNeverGivenTheSharedCopy()
    {
        var shared = new SharedResults();
        var base_ = shared.Get(Estimator, Scenario.Default, Today);
        var otherEstimator = new Estimator(Estimator.Catalog, Estimator.Prices);   // a new snapshot is a new estimator

        Assert.NotSame(base_, shared.Get(Estimator, Scenario.Default with { PeakConnections = 100_001 }, Today));
        Assert.NotSame(base_, shared.Get(Estimator, Scenario.Default, Today.AddDays(1)));
        Assert.NotSame(base_, shared.Get(otherEstimator, Scenario.Default, Today));
        Assert.Equal(100_001, shared.Get(Estimator, Scenario.Default with { PeakConnections = 100_001 }, Today).Estimate.Scenario.PeakConnections);
    }

    [Fact]
    public void PastItsCapacity_TheOldestWhatIfIsForgotten_AndWorkedOutAgainWhenAskedFor()
    {
        var shared = new SharedResults();
        var oldest = shared.Get(Estimator, Scenario.Default with { PeakConnections = 1_000 }, Today);
        for (var i = 1; i <= SharedResults.Capacity; i++)
        {
            shared.Get(Estimator, Scenario.Default with { PeakConnections = 1_000 + i }, Today);
        }

        // Capacity + 1 what-ifs were asked for: the first one is no longer kept, so asking again computes a new copy.
        var again = shared.Get(Estimator, Scenario.Default with { PeakConnections = 1_000 }, Today);
        Assert.NotSame(oldest, again);
        Assert.Equal(JsonSerializer.Serialize(oldest.Estimate), JsonSerializer.Serialize(again.Estimate));
    }

    [Fact]
    public void AChartIsDrawnOncePerSourceAndView_AndAnotherSourceIsDrawnAgain()
    {
        var shared = new SharedResults();
        var estimate = shared.Get(Estimator, Scenario.Default, Today).Estimate;
        var other = shared.Get(Estimator, Scenario.Default with { PeakConnections = 300_000 }, Today).Estimate;
        var draws = 0;
        string Draw() => $"<svg>{++draws}</svg>";

        var first = DrawnOnce.Markup(estimate, "cumulative", Draw);
        var again = DrawnOnce.Markup(estimate, "cumulative", Draw);
        var otherView = DrawnOnce.Markup(estimate, "monthly", Draw);
        var otherSource = DrawnOnce.Markup(other, "cumulative", Draw);

        Assert.Same(first, again);
        Assert.Equal(("<svg>1</svg>", "<svg>2</svg>", "<svg>3</svg>"), (first, otherView, otherSource));
        Assert.Equal(3, draws);
    }

    [Fact]
    public void TwoCalculatorCircuits_OnTheSameWhatIf_ShowTheSharedEstimate()
    {
        var first = Render<CalculatorPage>();
        var second = Render<CalculatorPage>();

        var results = Services.GetRequiredService<SharedResults>().Get(Estimator, Scenario.Default, Today);
        // The store holds the default what-if the two pages asked for; both show its verdict.
        Assert.Equal(results.Estimate.Verdict.Summary, first.Find("#verdict-summary").TextContent);
        Assert.Equal(results.Estimate.Verdict.Summary, second.Find("#verdict-summary").TextContent);
    }
}
