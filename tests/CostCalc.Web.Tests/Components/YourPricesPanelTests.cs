using Bunit;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

/// <summary>The "Your prices" group: list rows added and typed into reach the estimate; every cost line says its basis.</summary>
public sealed class YourPricesPanelTests : MudBunitContext
{
    private IRenderedComponent<CalculatorPage> RenderAt(string relativeUrl)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);
        Render<MudPopoverProvider>();
        return Render<CalculatorPage>();
    }

    /// <summary>The group is collapsed by default, and its inputs are rendered only while it is open.</summary>
    private static void OpenYourPrices(IRenderedComponent<CalculatorPage> page)
    {
        Assert.Empty(page.FindAll("[data-list=\"fixedCosts\"]"));
        page.FindAll(".mud-expand-panel-header").First(h => h.TextContent.Contains("Your prices", StringComparison.Ordinal)).Click();
        page.WaitForElement("[data-list=\"fixedCosts\"]");
    }

    /// <summary>The cost-line tables are on the "Cost lines" tab.</summary>
    private static void OpenCostLines(IRenderedComponent<CalculatorPage> page) =>
        page.FindAll(".mud-tab").First(t => t.TextContent.Contains("Cost lines", StringComparison.Ordinal)).Click();

    [Fact]
    public void AddFixedCostRow_PutsItsLineOnThatPath()
    {
        var page = RenderAt("/");
        Assert.Empty(page.FindAll("#adjusted-prices-notice"));
        OpenYourPrices(page);

        page.Find("[data-list=\"fixedCosts\"] button[aria-label=\"Add to Fixed costs of your own\"]").Click();
        page.WaitForElement("[data-list=\"fixedCosts\"] [data-item=\"0\"] [data-member=\"name\"]").Change("Support contract");
        page.Find("[data-list=\"fixedCosts\"] [data-item=\"0\"] [data-member=\"path\"]").Change("ec2");
        page.Find("[data-list=\"fixedCosts\"] [data-item=\"0\"] [data-member=\"usdPerMonth\"]").Change("1,200");

        OpenCostLines(page);
        page.WaitForAssertion(() =>
        {
            Assert.Contains("Support contract", page.Find("#cost-lines-ec2").TextContent, StringComparison.Ordinal);
            Assert.Contains("1 fixed cost", page.Find("#adjusted-prices-notice").TextContent, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("Support contract", page.Find("#cost-lines-eks").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRate_ShowsTheProblemUnderItsRowAndKeepsListPrices()
    {
        var page = RenderAt("/");
        OpenYourPrices(page);

        page.Find("[data-list=\"rateOverrides\"] button[aria-label=\"Add to Rate overrides\"]").Click();
        page.Find("[data-list=\"rateOverrides\"] [data-item=\"0\"] [data-member=\"rate\"]").Change("ALB LCUs");
        page.Find("[data-list=\"rateOverrides\"] [data-item=\"0\"] [data-member=\"usdPerHour\"]").Change("0.007");

        page.WaitForAssertion(() => Assert.Contains("Unknown rate 'ALB LCUs'", page.Find("[data-list=\"rateOverrides\"]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("#adjusted-prices-notice"));
    }

    [Fact]
    public void Link_WithDiscount_MarksTheAdjustedLines()
    {
        var page = RenderAt("/?v=1&ec2DiscountPercent=20");
        OpenCostLines(page);

        var ec2 = page.Find("#cost-lines-ec2");
        Assert.Contains("adjusted: −20 % EC2 discount", ec2.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(ec2.QuerySelectorAll("[data-basis=\"list\"]"));
        Assert.Contains("−20 % EC2 discount", page.Find("#adjusted-prices-notice").TextContent, StringComparison.Ordinal);
    }
}
