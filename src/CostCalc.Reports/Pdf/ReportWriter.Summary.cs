using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>Page 1: title and facts, the verdict and one card per path, cost over time and the breakdown.</summary>
internal sealed partial class ReportWriter
{
    private const float LabelWidth = 74;
    private const int CardsPerRow = 4;
    private const float CardGutter = 10;

    private void Title()
    {
        var (left, right) = (flow.Left, flow.Right);
        var brandY = flow.Y;
        var colours = estimate.Paths.Select(Colour).ToList();
        flow.Draw(c =>
        {
            for (var i = 0; i < colours.Count; i++)
            {
                c.DrawRect(new SKRect(left + (i * 16), brandY + 1, left + (i * 16) + 14, brandY + 4), type.Fill(colours[i]));
            }

            type.Draw(c, "COSTCALC", left + (colours.Count * 16) + 6, brandY + 5.5f, PdfTheme.Brand);
            type.Draw(c, "Cost estimate", right, brandY + 5.5f, PdfTheme.Brand, TextAlign.Right);
        });
        flow.Advance(16);
        Paragraph(options.TitleOf(estimate), PdfTheme.Title, gapAfter: 6);
        if (options.Notes is { Length: > 0 } notes)
        {
            // The author's words, drawn as text (nothing in them is interpreted); tabs as spaces.
            Paragraph(notes.Replace('\t', ' '), PdfTheme.Body, gapAfter: 6);
        }

        var s = estimate.Scenario;
        var facts = new List<(string Label, string Value, string? Url)>
        {
            ("Created", Formats.DateTime(options.CreatedAt), null),
            ("Region", $"{s.Region} · {estimate.RegionName}", null),
            ("Prices", $"as of {Formats.Date(estimate.PricesAsOf)} · {options.PricesSource} · snapshot {estimate.SnapshotId}", null),
            ("Workload", $"{Formats.Count(s.PeakConnections)} peak connections, {Signed(s.GrowthPercentPerMonth)} % a month over {Formats.Plural(s.HorizonMonths, "month")}", null),
            ("Paths", string.Join(" · ", estimate.Paths.Select(p => $"{p.Name}: {p.MachineType}")), null),
            options.ReportLink is { } link ? ("Report", link, link) : ("Report", "Not saved: exported from the calculator", null),
        };
        foreach (var (label, value, url) in facts)
        {
            KeyValue(label, value, url);
        }

        flow.Advance(4);
    }

    private void KeyValue(string label, string value, string? url)
    {
        var style = url is null ? PdfTheme.Meta : PdfTheme.Meta.WithColor(PdfTheme.Link);
        var labelStyle = PdfTheme.Meta.AsBold().WithColor(PdfTheme.Muted);
        var x = flow.Left;
        var lines = type.Wrap(value, style, flow.Width - LabelWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            var (y, line, first) = (flow.Y, lines[i], i == 0);
            flow.Draw(c =>
            {
                var baseline = y + type.Baseline(style);
                if (first)
                {
                    type.Draw(c, label, x, baseline, labelStyle);
                }

                if (url is null)
                {
                    type.Draw(c, line, x + LabelWidth, baseline, style);
                }
                else
                {
                    Link(c, url, line, x + LabelWidth, baseline, style);
                }
            });
            flow.Advance(style.LineHeight);
        }
    }

    /// <summary>The verdict, then one card per path, in rows of up to <see cref="CardsPerRow"/>.</summary>
    private void Headlines()
    {
        flow.Gap(8);
        Paragraph(estimate.Verdict.Summary, PdfTheme.Body.AsBold(), gapAfter: 2);
        if (estimate.OperationsNotice is { } operations)
        {
            Paragraph(operations, PdfTheme.Body, gapAfter: 2);
        }

        if (estimate.AdjustedPrices is { } adjusted)
        {
            Paragraph(adjusted + " Each cost line says whether it is at list price or adjusted; the order AWS applies a negotiated discount in is not published (assumed: after reserved and Savings Plan rates).",
                PdfTheme.Body, gapAfter: 2);
        }

        var columns = Math.Min(estimate.Paths.Count, CardsPerRow);
        foreach (var row in estimate.Paths.Select(PathCard).Chunk(CardsPerRow))
        {
            CardRow(row, columns);
            flow.Advance(CardGutter);
        }
    }

    private void CardRow(IReadOnlyList<Card> cards, int columns)
    {
        var width = (flow.Width - (CardGutter * (columns - 1))) / columns;
        var inner = width - 20;
        var wrapped = cards.Select(card => card.Details.SelectMany(d => type.Wrap(d, PdfTheme.CardDetail, inner)).ToList()).ToList();
        var height = 12 + PdfTheme.CardLabel.LineHeight + PdfTheme.CardValue.LineHeight + 3
            + (wrapped.Max(w => w.Count) * PdfTheme.CardDetail.LineHeight) + 10;
        var labelStyles = cards.Select(card => FitWidth(card.Label, PdfTheme.CardLabel.WithColor(card.Colour), inner)).ToArray();
        var valueStyles = cards.Select(card => FitWidth(card.Value, PdfTheme.CardValue, inner)).ToArray();
        flow.Ensure(height);
        var top = flow.Y;
        for (var i = 0; i < cards.Count; i++)
        {
            var (card, details, labelStyle, valueStyle) = (cards[i], wrapped[i], labelStyles[i], valueStyles[i]);
            var x = flow.Left + (i * (width + CardGutter));
            flow.Draw(c =>
            {
                var box = new SKRect(x, top, x + width, top + height);
                c.DrawRoundRect(box, 4, 4, type.Fill(PdfTheme.CardFill));
                c.Save();
                c.ClipRect(box);
                c.DrawRoundRect(new SKRect(x, top, x + 3.5f, top + height), 1.5f, 1.5f, type.Fill(card.Colour));
                c.Restore();
                var y = top + 10;
                type.Draw(c, card.Label, x + 12, y + type.Baseline(PdfTheme.CardLabel), labelStyle);
                y += PdfTheme.CardLabel.LineHeight;
                type.Draw(c, card.Value, x + 12, y + type.Baseline(PdfTheme.CardValue), valueStyle);
                y += PdfTheme.CardValue.LineHeight + 3;
                foreach (var line in details)
                {
                    type.Draw(c, line, x + 12, y + type.Baseline(PdfTheme.CardDetail), PdfTheme.CardDetail);
                    y += PdfTheme.CardDetail.LineHeight;
                }
            });
        }

        flow.Advance(height);
    }

    private Card PathCard(PathEstimate path)
    {
        var label = $"{path.Name.ToUpperInvariant()} PER MONTH";
        if (!path.Feasible)
        {
            return new Card(label, "Not feasible",
                [$"{path.Name} cannot run these inputs: no size of this plan carries the load; see the warnings."], Colour(path));
        }

        var months = Formats.Plural(estimate.Projection.Months, "month");
        var comparison = estimate.Verdict.Comparisons.FirstOrDefault(c => c.Path == path.Id);
        return new Card(label, Formats.UsdCents(path.MonthlyUsd),
            [
                $"{Formats.Plural(path.Machines, path.MachineKind)} · {Formats.Count(path.Vms)} BEAM VMs",
                $"{Formats.UsdCents(path.UsdPer10kConnections)} per 10k connections",
                comparison?.HorizonUsd is { } total ? $"{Formats.Usd(total)} over {months}" : "Cannot run in every month: see the warnings",
                .. Against(comparison),
            ], Colour(path));
    }

    /// <summary>How a path compares with the verdict's reference: the cheapest path, or the first that can be costed.</summary>
    private IEnumerable<string> Against(PathComparison? comparison)
    {
        var verdict = estimate.Verdict;
        if (comparison is not null && comparison.Path == verdict.CheapestPath)
        {
            yield return $"Cheapest over {Formats.Plural(estimate.Projection.Months, "month")}";
            yield break;
        }

        var reference = verdict.Reference;
        if (comparison is null || reference is null || reference.Path == comparison.Path)
        {
            yield break;
        }

        if (comparison.Month1DifferenceUsd is { } difference)
        {
            yield return $"{Formats.UsdChange(difference)} a month against {reference.Name} in month 1";
        }

        if (comparison.BreakEvenMonth is { } month)
        {
            yield return $"Breaks even with {reference.Name} in month {month}";
        }
    }

    private void CostOverTime()
    {
        var projection = estimate.Projection;
        Heading("Cost over time", keepWithNext: 190);
        var s = estimate.Scenario;
        Paragraph($"Each path sized and priced month by month as peak connections grow {Signed(s.GrowthPercentPerMonth)} % a month "
            + $"from {Formats.Count(s.PeakConnections)}; USD, prices as of {Formats.Date(estimate.PricesAsOf)}.", PdfTheme.Body.WithColor(PdfTheme.Secondary));
        var legend = estimate.Paths.Select(p => new LegendEntry($"{p.Name} · {p.MachineType}{Runs(projection[p.Id])}", Colour(p), Line: true)).ToList();
        Legend(legend, flow.Left, flow.Y, flow.Width);
        flow.Advance(LegendHeight(legend, flow.Width) + 2);
        Charts(
            [
                ("Cumulative cost", PdfCharts.CumulativeCost(projection)),
                ("Monthly cost", PdfCharts.MonthlyCost(projection)),
            ], plotHeight: 165);
    }

    /// <summary>What the legend says of a path that has no line in some months.</summary>
    private static string Runs(PathSeries series) =>
        series.MonthlyUsd.All(m => m is null) ? " (cannot run: no line)"
        : series.MonthlyUsd.Any(m => m is null) ? " (cannot run in some months)"
        : "";

    private void Breakdown()
    {
        var paths = estimate.Paths.Where(p => p.Feasible).ToList();
        var kinds = Enum.GetValues<CostKind>().Where(k => paths.Any(p => p.CostLines.Any(l => l.Kind == k && l.MonthlyUsd > 0))).ToList();
        var plotHeight = 20 + (30 * paths.Count);
        Heading("Monthly cost breakdown, month 1", keepWithNext: plotHeight + 40);
        if (paths.Count == 0)
        {
            Paragraph("No path can run these inputs, so there is no cost to break down.", PdfTheme.Body);
            return;
        }

        var legend = kinds.Select(k => new LegendEntry(CostKindStyle.Of(k).Name, PdfTheme.KindColour(k))).ToList();
        var rows = paths.Select(p => new BarRow(p.Name,
            [.. kinds.Select(k => ((double)p.CostLines.Where(l => l.Kind == k).Sum(l => l.MonthlyUsd), PdfTheme.KindColour(k)))])).ToList();
        Charts([("USD per month by kind of cost", PdfCharts.StackedBars(rows, Formats.UsdShort))], plotHeight, legend);
    }

    /// <summary>The style, shrunk if need be so the text fits the width on one line.</summary>
    private TextStyle FitWidth(string text, TextStyle style, float width)
    {
        var measured = type.Measure(text, style);
        return measured <= width ? style : style with { Size = MathF.Floor(style.Size * width / measured * 10) / 10 };
    }

    private static string Signed(double percent) => (percent > 0 ? "+" : "") + Formats.Number(percent, "0.##");

    private sealed record Card(string Label, string Value, IReadOnlyList<string> Details, SKColor Colour);
}
