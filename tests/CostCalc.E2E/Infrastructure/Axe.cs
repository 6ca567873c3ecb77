using System.Text.Json;
using Microsoft.Playwright;

namespace CostCalc.E2E.Infrastructure;

/// <summary>
/// axe-core (npm) injected into the page. .ci/run installs it; COSTCALC_AXE_PATH points at axe.min.js,
/// defaulting to where .ci/run puts it. A missing file fails the test: an accessibility check that
/// silently does not run is worse than none.
/// </summary>
public static class Axe
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ScriptPath =>
        Environment.GetEnvironmentVariable("COSTCALC_AXE_PATH") is { Length: > 0 } path
            ? path
            : Path.Combine(Path.GetTempPath(), "costcalc-axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Runs axe on the whole page (WCAG 2.x A/AA and best practices) and returns the violations.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!File.Exists(ScriptPath))
        {
            Assert.Fail($"axe-core is missing at {ScriptPath}. Install it with `npm install --prefix {Path.Combine(Path.GetTempPath(), "costcalc-axe")} axe-core@4` "
                + "(.ci/run does) or set COSTCALC_AXE_PATH to axe.min.js.");
        }

        await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              })));
            }
            """);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, Json) ?? [];
    }
}

public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Nodes)
{
    public bool SeriousOrWorse => Impact is "serious" or "critical";

    public override string ToString() => $"{Impact} {Id}: {Help}\n    " + string.Join("\n    ", Nodes.Take(8));
}
