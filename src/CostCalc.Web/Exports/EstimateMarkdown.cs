using System.Text;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;

namespace CostCalc.Web.Exports;

/// <summary>
/// An estimate as a Markdown summary to paste into a design document: the verdict, one headline table
/// with a column per path, every path's cost lines, warnings, the inputs changed from their defaults,
/// and links back to the calculator and the model page. The calculator's button and
/// GET /api/estimate.md write the same text.
/// </summary>
public static class EstimateMarkdown
{
    public const string ContentType = "text/markdown; charset=utf-8";

    /// <param name="calculatorUrl">The calculator showing this scenario.</param>
    /// <param name="modelUrl">The model page, where every formula and default has its source.</param>
    public static string Write(Estimate estimate, string calculatorUrl, string modelUrl)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var md = new StringBuilder();
        var paths = estimate.Paths;
        md.Append("# CostCalc estimate: ").Append(Escape(string.Join(", ", paths.Select(p => p.Name)))).Append("\n\n");
        md.Append("**").Append(Escape(estimate.Verdict.Summary)).Append("**\n\n");
        if (estimate.OperationsNotice is { } operations)
        {
            md.Append('_').Append(Escape(operations)).Append("_\n\n");
        }

        md.Append(Escape($"{estimate.RegionName} ({estimate.Scenario.Region}) · prices as of {Formats.Date(estimate.PricesAsOf)} (snapshot {estimate.SnapshotId}) · "
            + $"{Formats.Count(estimate.Scenario.PeakConnections)} peak connections · {Formats.Plural(estimate.Projection.Months, "month")}")).Append("\n\n");

        Headline(md, estimate);
        md.Append("\n## Cost lines (month 1)\n");
        foreach (var path in paths)
        {
            md.Append("\n### ").Append(Escape($"{path.Name}: {path.MachineType}")).Append("\n\n");
            if (!path.Feasible)
            {
                md.Append("Cannot run these inputs; see the warnings.\n");
                continue;
            }

            md.Append("| Cost | Per month | How |\n|---|---:|---|\n");
            foreach (var line in path.CostLines)
            {
                md.Append("| ").Append(Escape(line.Name)).Append(" | ").Append(Formats.UsdCents(line.MonthlyUsd)).Append(" | ").Append(Escape(line.Detail)).Append(" |\n");
            }

            md.Append("| **Total** | **").Append(Formats.UsdCents(path.MonthlyUsd)).Append("** | |\n");
        }

        if (estimate.Warnings.Count > 0)
        {
            md.Append("\n## Warnings\n\n");
            foreach (var warning in estimate.Warnings)
            {
                var about = warning.Path is { } id && estimate.Find(id) is { } path ? $"**{Escape(path.Name)}**: " : "";
                md.Append("- ").Append(about).Append(Escape(warning.Message)).Append('\n');
            }
        }

        md.Append("\n## Inputs changed from the defaults\n\n");
        var changed = ScenarioInputs.Changed(estimate.Scenario);
        if (changed.Count == 0)
        {
            md.Append("Every input is at its default.\n");
        }
        else
        {
            md.Append("| Input | Value | Default |\n|---|---|---|\n");
            foreach (var row in changed)
            {
                md.Append("| ").Append(Escape(row.Label)).Append(" | ").Append(Escape(row.Value)).Append(" | ").Append(Escape(row.DefaultValue)).Append(" |\n");
            }
        }

        md.Append("\n[Open this scenario in CostCalc](").Append(LinkTarget(calculatorUrl)).Append(") · [Model and sources](")
            .Append(LinkTarget(modelUrl)).Append(")\n");
        return md.ToString();
    }

    private static void Headline(StringBuilder md, Estimate estimate)
    {
        var paths = estimate.Paths;
        md.Append('|');
        foreach (var path in paths)
        {
            md.Append(" | ").Append(Escape(path.Name));
        }

        md.Append(" |\n|---").Append(string.Concat(paths.Select(_ => "|---:"))).Append("|\n");
        Row(md, "Per month (month 1)", paths, p => p.Feasible ? Formats.Usd(p.MonthlyUsd) : "cannot run");
        var comparisons = estimate.Verdict.Comparisons.ToDictionary(c => c.Path);
        Row(md, $"Over {Formats.Plural(estimate.Projection.Months, "month")}", paths, p => Formats.Usd(comparisons[p.Id].HorizonUsd));
        if (estimate.Verdict.Reference is { } reference)
        {
            Row(md, $"Against {reference.Name}, over the horizon", paths, p =>
                p.Id == reference.Path ? "—"
                : comparisons[p.Id].HorizonUsd is { } total ? Formats.UsdDifference(total, reference.HorizonUsd!.Value)
                : Formats.NoValue);
        }

        Row(md, "Machines", paths, p => p.Feasible ? Formats.Plural(p.Machines, p.MachineKind) : Formats.NoValue);
        Row(md, "BEAM VMs", paths, p => p.Feasible ? Formats.Count(p.Vms) : Formats.NoValue);
        Row(md, "Connections one VM holds", paths, p => p.Feasible ? Formats.Count(p.ConnectionsPerVm) : Formats.NoValue);
        Row(md, "Per 10k connections", paths, p => p.Feasible ? Formats.UsdCents(p.UsdPer10kConnections) : Formats.NoValue);
    }

    private static void Row(StringBuilder md, string label, IReadOnlyList<PathEstimate> paths, Func<PathEstimate, string> cell)
    {
        md.Append("| ").Append(Escape(label));
        foreach (var path in paths)
        {
            md.Append(" | ").Append(Escape(cell(path)));
        }

        md.Append(" |\n");
    }

    /// <summary>Text that Markdown shows as written: its markup characters escaped, line breaks kept out of table cells.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
                continue;
            }

            if (c is '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>A link target with the characters that would end it early percent-encoded.</summary>
    private static string LinkTarget(string url) => url.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
}
