using Bunit;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Documentation;
using CostCalc.Web.Tests.Api;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

/// <summary>"Measure yours" in the calculator (issue 16, item 3): paste → derived inputs with arithmetic → Apply → state and URL.</summary>
public sealed class CalibratePanelTests : MudBunitContext
{
    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    private IRenderedComponent<CalculatorPage> RenderCalculator()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/");
        Render<MudPopoverProvider>();
        return Render<CalculatorPage>();
    }

    private static void Open(IRenderedComponent<CalculatorPage> page)
    {
        page.Find("#measure-yours .mud-expand-panel-header").Click();
        page.WaitForElement("#cal-memory");
    }

    [Fact]
    public void Render_Calculator_PanelIsCollapsedAndNotRendered()
    {
        var page = RenderCalculator();

        Assert.Contains("Measure yours", page.Find("#measure-yours").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#cal-memory"));
    }

    [Fact]
    public void PasteAndApply_SetsTheDerivedInputsAndTheUrlCarriesThem()
    {
        var page = RenderCalculator();
        Open(page);

        page.Find("#cal-memory").Change(CalibrateEndpointsTests.Sample("prometheus-erl-40k.txt"));
        page.Find("#cal-connections").Change("40,000");
        page.Find("#cal-messagesPerSecond").Change("12000");
        page.Find("#cal-cpuUtilisationPercent").Change("35");
        page.Find("#cal-vcpus").Change("4");

        // (1,455,043,952 − 100 MiB = 104,857,600) ÷ 40,000 = 33,754.66 B ÷ 1,024 = 32.96 KiB; 12,000 ÷ 40,000 = 0.3 msg/s;
        // 35 % × 4 vCPUs = 1,400,000 µs/s ÷ 12,000 msg/s = 116.67 µs.
        // The panel derives on the renderer after the last change event: wait for its row rather than read it at once.
        var memoryRow = page.WaitForElement("[data-derived=\"memoryPerConnectionKiB\"]", TimeSpan.FromSeconds(5));
        Assert.Contains("32.96 KiB", memoryRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("28 KiB", memoryRow.TextContent, StringComparison.Ordinal); // the scenario's value now
        Assert.Contains("÷ 40,000 connections", memoryRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("116.67 µs", page.Find("[data-derived=\"cpuMicrosecondsPerMessage\"]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-derived=\"beamBaseMemoryMiB\"]"));
        Assert.DoesNotContain("memoryPerConnectionKiB", Uri, StringComparison.Ordinal);

        page.Find("#cal-apply").Click();

        page.WaitForAssertion(() => Assert.Contains("memoryPerConnectionKiB=32.96", Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Contains("cpuMicrosecondsPerMessage=116.67", Uri, StringComparison.Ordinal);
        Assert.Contains("messagesPerConnectionPerSecond=0.3", Uri, StringComparison.Ordinal);
        Assert.Equal("32.96", page.Find("#in-memoryPerConnectionKiB").GetAttribute("value"));
        Assert.Contains("Applied", page.Find("#cal-applied").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_LinksToTheModelSectionThatExplainsIt()
    {
        var page = RenderCalculator();
        Open(page);

        var href = page.Find("#calibrate a.source-link").GetAttribute("href")!;
        Assert.Equal(ModelDocument.LinkTo("4.7"), href);
        Assert.Contains($"id=\"{SourceSections.Anchor("4.7")}\"", ModelDocument.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_MeasuresTheBaseMemory()
    {
        var page = RenderCalculator();
        Open(page);

        page.Find("#cal-memory").Change(CalibrateEndpointsTests.Sample("prometheus-erl-40k.txt"));
        page.Find("#cal-connections").Change("40000");
        page.Find("#cal-baselineMemory").Change(CalibrateEndpointsTests.Sample("iex-idle.txt"));
        page.Find("#cal-apply").Click();

        // Base: 61,384,232 B ÷ 1,048,576 = 58.54 MiB → 59; per connection (1,455,043,952 − 61,384,232) ÷ 40,000 ÷ 1,024 = 34.02 KiB.
        page.WaitForAssertion(() => Assert.Contains("beamBaseMemoryMiB=59", Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Contains("memoryPerConnectionKiB=34.02", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialPaste_ShowsWhatIsMissingAtTheField()
    {
        var page = RenderCalculator();
        Open(page);

        page.Find("#cal-connections").Change("100");
        page.Find("#cal-memory").Change("[total: 61_384_232, system: 46_882_048]");

        Assert.Equal("true", page.Find("#cal-memory").GetAttribute("aria-invalid"));
        Assert.Equal("No `processes` value found; paste the whole output of :erlang.memory().", page.Find("#cal-memory-error").TextContent);
        Assert.Empty(page.FindAll("#cal-apply"));
    }

    [Fact]
    public void BadNumber_ShowsTheReasonAtItsBox()
    {
        var page = RenderCalculator();
        Open(page);

        page.Find("#cal-memory").Change(CalibrateEndpointsTests.Sample("erlang-shell-30k.txt"));
        page.Find("#cal-connections").Change("1,5");

        Assert.Equal("true", page.Find("#cal-connections").GetAttribute("aria-invalid"));
        Assert.Contains("Use a point for decimals", page.Find("#cal-connections-error").TextContent, StringComparison.Ordinal);
    }
}
