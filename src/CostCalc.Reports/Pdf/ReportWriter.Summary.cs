using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using SkiaSharp;

namespace CostCalc.Reports.Pdf;

/// <summary>Page 1: title and facts, headline numbers, cost over time and the breakdown.</summary>
internal sealed partial class ReportWriter
{
    private const float LabelWidth = 74;

    private void Title()
    {
        var (left, right) = (flow.Left, flow.Right);
        var brandY = flow.Y;
        flow.Draw(c =>
        {
            c.DrawRect(new SKRect(left, brandY + 1, left + 14, brandY + 4), type.Fill(PdfTheme.Ec2));
            c.DrawRect(new SKRect(left + 16, brandY + 1, left + 30, brandY + 4), type.Fill(PdfTheme.Eks));
            type.Draw(c, "COSTCALC", left + 36, brandY + 5.5f, PdfTheme.Brand);
            type.Draw(c, "Cost estimate", right, brandY + 5.5f, PdfTheme.Brand, TextAlign.Right);
        });
        flow.Advance(16);
        Paragraph(options.Title, PdfTheme.Title, gapAfter: 6);

        var s = estimate.Scenario;
        var eksPlan = s.Fargate
            ? "Fargate"
            : $"{s.EksNodeInstanceType} nodes, {ChoiceNames.Of(s.EksPurchaseOption)}, {ChoiceNames.Of(s.PodLayout)}";
        var facts = new List<(string Label, string Value, string? Url)>
        {
            ("Created", PdfFormat.DateTime(options.CreatedAt), null),
            ("Region", $"{s.Region} · {estimate.RegionName}", null),
            ("Prices", $"as of {PdfFormat.Date(estimate.PricesAsOf)} · {options.PricesSource} · snapshot {estimate.SnapshotId}", null),
            ("Workload", $"{PdfFormat.Count(s.PeakConnections)} peak connections, {Signed(s.GrowthPercentPerMonth)} % a month over {PdfFormat.Plural(s.HorizonMonths, "month")}", null),
            ("Plans", $"EC2: {s.Ec2InstanceType}, {ChoiceNames.Of(s.Ec2PurchaseOption)} · EKS: {eksPlan}", null),
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
        var style = url is null ? PdfTheme.Meta : PdfTheme.Meta.WithColor(PdfTheme.Eks);
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

    private void Headlines()
    {
        flow.Gap(8);
        Paragraph(estimate.Verdict.Summary, PdfTheme.Body.AsBold(), gapAfter: 2);
        const float gutter = 10;
        var cards = new[] { PathCard(estimate.Ec2), PathCard(estimate.Eks), DifferenceCard(), BreakEvenCard() };
        var width = (flow.Width - (gutter * (cards.Length - 1))) / cards.Length;
        var inner = width - 20;
        var wrapped = cards.Select(card => card.Details.SelectMany(d => type.Wrap(d, PdfTheme.CardDetail, inner)).ToList()).ToList();
        var height = 12 + PdfTheme.CardLabel.LineHeight + PdfTheme.CardValue.LineHeight + 3
            + (wrapped.Max(w => w.Count) * PdfTheme.CardDetail.LineHeight) + 10;
        var valueStyles = cards.Select(card => FitWidth(card.Value, PdfTheme.CardValue, inner)).ToArray();
        flow.Ensure(height);
        var top = flow.Y;
        for (var i = 0; i < cards.Length; i++)
        {
            var (card, details, valueStyle) = (cards[i], wrapped[i], valueStyles[i]);
            var x = flow.Left + (i * (width + gutter));
            flow.Draw(c =>
            {
                var box = new SKRect(x, top, x + width, top + height);
                c.DrawRoundRect(box, 4, 4, type.Fill(PdfTheme.CardFill));
                c.Save();
                c.ClipRect(box);
                c.DrawRoundRect(new SKRect(x, top, x + 3.5f, top + height), 1.5f, 1.5f, type.Fill(card.Accent));
                c.Restore();
                var y = top + 10;
                type.Draw(c, card.Label, x + 12, y + type.Baseline(PdfTheme.CardLabel), PdfTheme.CardLabel.WithColor(card.LabelColor));
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
        var name = PdfFormat.PathName(path.Path);
        var color = PdfTheme.PathColor(path.Path);
        if (!path.Feasible)
        {
            return new Card($"{name} PER MONTH", "Not feasible", ["No size of this plan carries the load; see the warnings."], color, color);
        }

        return new Card($"{name} PER MONTH", PdfFormat.UsdCents(path.MonthlyUsd),
            [
                $"{PdfFormat.Plural(path.Machines, path.MachineKind)} · {PdfFormat.Count(path.Vms)} BEAM VMs",
                $"{PdfFormat.UsdCents(path.UsdPer10kConnections)} per 10k connections",
                $"{PdfFormat.Usd(Cumulative(estimate.Projection, path.Path))} over {PdfFormat.Plural(estimate.Projection.Count, "month")}",
            ], color, color);
    }

    private Card DifferenceCard()
    {
        if (estimate.CheaperPath is not { } cheaper)
        {
            var same = estimate.Ec2.Feasible && estimate.Eks.Feasible;
            return new Card("DIFFERENCE PER MONTH", same ? "$0" : "—", [same ? "Both paths cost the same." : "Not comparable: a path is not feasible."],
                PdfTheme.Neutral, PdfTheme.Secondary);
        }

        var (cheap, dear) = cheaper == DeploymentPath.Ec2 ? (estimate.Ec2, estimate.Eks) : (estimate.Eks, estimate.Ec2);
        var difference = Math.Abs(estimate.MonthlyDifferenceUsd);
        var share = cheap.MonthlyUsd > 0 ? PdfFormat.Percent((double)(difference / cheap.MonthlyUsd)) : "—";
        var overHorizon = estimate.Verdict.HorizonSavingUsd;
        return new Card("DIFFERENCE PER MONTH", PdfFormat.UsdCents(difference),
            [
                $"In month 1 {PdfFormat.PathName(cheaper)} is cheaper; {PdfFormat.PathName(dear.Path)} costs {share} more",
                $"{PdfFormat.Usd(overHorizon)} apart after {PdfFormat.Plural(estimate.Projection.Count, "month")}",
            ], PdfTheme.PathColor(cheaper), PdfTheme.Secondary);
    }

    private Card BreakEvenCard()
    {
        var months = estimate.Projection;
        var horizon = $"within the {PdfFormat.Count(months.Count)}-month horizon";
        if (estimate.BreakEvenMonth is { } month)
        {
            return new Card("BREAK-EVEN", $"Month {month}",
                [horizon, "Cumulative costs cross: the path cheaper at first stops being cheaper."], PdfTheme.Neutral, PdfTheme.Secondary);
        }

        var ahead = months.Count == 0 || months[^1].Ec2CumulativeUsd == months[^1].EksCumulativeUsd
            ? "Neither path pulls ahead."
            : $"{(months[^1].Ec2CumulativeUsd < months[^1].EksCumulativeUsd ? "EC2" : "EKS")} stays cheaper throughout.";
        return new Card("BREAK-EVEN", "None", [horizon, ahead], PdfTheme.Neutral, PdfTheme.Secondary);
    }

    private void CostOverTime()
    {
        var months = estimate.Projection;
        Heading("Cost over time", keepWithNext: 190);
        var s = estimate.Scenario;
        Paragraph($"Both paths sized and priced month by month as peak connections grow {Signed(s.GrowthPercentPerMonth)} % a month "
            + $"from {PdfFormat.Count(s.PeakConnections)}; USD, prices as of {PdfFormat.Date(estimate.PricesAsOf)}.", PdfTheme.Body.WithColor(PdfTheme.Secondary));
        Legend(PathLegend(), flow.Left, flow.Y, flow.Width);
        flow.Advance(LegendHeight(PathLegend(), flow.Width) + 2);
        Charts(
            [
                ("Cumulative cost", PdfCharts.CumulativeCost(months)),
                ("Monthly cost", PdfCharts.MonthlyCost(months)),
            ], plotHeight: 165);
    }

    private void Breakdown()
    {
        var kinds = Enum.GetValues<CostKind>()
            .Where(k => estimate.Ec2.CostLines.Concat(estimate.Eks.CostLines).Any(l => l.Kind == k && l.MonthlyUsd > 0))
            .ToList();
        Heading("Monthly cost breakdown, month 1", keepWithNext: 120);
        var legend = kinds.Select(k => new LegendEntry(PdfCharts.KindName(k), PdfCharts.KindColor(k))).ToList();
        Charts([("USD per month by kind of cost", PdfCharts.Breakdown(estimate, kinds))], plotHeight: 92, legend);
    }

    private List<LegendEntry> PathLegend() =>
    [
        new($"EC2 · {estimate.Ec2.MachineType} {estimate.Ec2.MachineKind}s", PdfTheme.Ec2, Line: true),
        new($"EKS · {estimate.Eks.MachineType} {estimate.Eks.MachineKind}s", PdfTheme.Eks, Line: true),
    ];

    /// <summary>The style, shrunk if need be so the text fits the width on one line.</summary>
    private TextStyle FitWidth(string text, TextStyle style, float width)
    {
        var measured = type.Measure(text, style);
        return measured <= width ? style : style with { Size = MathF.Floor(style.Size * width / measured * 10) / 10 };
    }

    private static string Signed(double percent) => (percent > 0 ? "+" : "") + PdfFormat.Number(percent, "0.##");

    private sealed record Card(string Label, string Value, IReadOnlyList<string> Details, SKColor Accent, SKColor LabelColor);
}
