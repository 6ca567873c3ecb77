using Bunit;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Components.Pages;
using CostCalc.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CostCalc.Web.Tests.Components;

/// <summary>The workload preset picker at the top of the inputs (model.md §8.2).</summary>
public sealed class PresetPickerTests : MudBunitContext
{
    private IRenderedComponent<CalculatorPage> RenderAt(string relativeUrl)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);
        Render<MudPopoverProvider>();
        return Render<CalculatorPage>();
    }

    private string Url => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void Render_Defaults_OffersEveryPresetAndNoneIsSelected()
    {
        var page = RenderAt("/");

        var options = page.FindAll("#preset-select option[data-preset]").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["phoenix-chat", "liveview", "mqtt-broker", "one-t3-medium"], options);
        Assert.Equal("", page.Find("#preset-select").GetAttribute("value"));
    }

    /// <summary>The MQTT preset's values as docs/model.md §8.2 lists them, written out by hand.</summary>
    [Fact]
    public void Pick_MqttBroker_SetsTheDocumentedValuesInTheInputsAndTheUrl()
    {
        var page = RenderAt("/");

        page.Find("#preset-select").Change("mqtt-broker");

        page.WaitForAssertion(() => Assert.Contains("peakConnections=1000000", Url, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Contains("memoryPerConnectionKiB=18", Url, StringComparison.Ordinal);
        Assert.Contains("messagesPerConnectionPerSecond=0.02", Url, StringComparison.Ordinal);
        Assert.Contains("bytesPerMessage=50", Url, StringComparison.Ordinal);
        Assert.Contains("newConnectionsPerSecond=12", Url, StringComparison.Ordinal);
        Assert.Equal("1,000,000", page.Find("#in-peakConnections").GetAttribute("value"));
        Assert.Equal("18", page.Find("#in-memoryPerConnectionKiB").GetAttribute("value"));
        Assert.Equal("mqtt-broker", page.Find("#preset-select").GetAttribute("value"));
    }

    [Fact]
    public void Pick_Preset_ShowsItsDescriptionAndLinksItsSourcesToTheModelPage()
    {
        var page = RenderAt("/");

        page.Find("#preset-select").Change("phoenix-chat");

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-preset-description=phoenix-chat]")), TimeSpan.FromSeconds(5));
        Assert.Contains("2 M channel clients", page.Find("#preset-description").TextContent, StringComparison.Ordinal);
        var link = page.Find("#preset-description a.source-link");
        Assert.Equal("/model#s8-2", link.GetAttribute("href"));
        Assert.Equal(Sources.PresetPhoenixChat, link.TextContent);
    }

    [Fact]
    public void Load_UrlWithAPresetsValues_ShowsThatPreset()
    {
        var query = string.Join("&", Presets.LiveView.Values.Select(v => $"{v.Field}={v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

        var page = RenderAt("/?v=1&" + query);

        Assert.Equal("liveview", page.Find("#preset-select").GetAttribute("value"));
    }

    [Fact]
    public void Edit_AnInputAfterAPreset_LeavesThePreset()
    {
        var page = RenderAt("/");
        page.Find("#preset-select").Change("liveview");
        page.WaitForAssertion(() => Assert.Equal("liveview", page.Find("#preset-select").GetAttribute("value")), TimeSpan.FromSeconds(5));

        page.Find("#in-peakConnections").Input("60000");

        page.WaitForAssertion(() => Assert.Equal("", page.Find("#preset-select").GetAttribute("value")), TimeSpan.FromSeconds(5));
    }
}
