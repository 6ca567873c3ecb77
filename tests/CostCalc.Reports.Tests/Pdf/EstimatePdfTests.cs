using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Domain.Vocabulary;
using CostCalc.Reports.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace CostCalc.Reports.Tests.Pdf;

/// <summary>Issue 7 §5: every PDF is read back with PdfPig and checked for what a budget reader needs.</summary>
public sealed class EstimatePdfTests
{
    private static readonly Lazy<byte[]> DefaultPdf = new(() => PdfSamples.Render(Scenario.Default));
    private static readonly Lazy<byte[]> LargePdf = new(() => PdfSamples.Render(PdfSamples.Large, PdfSamples.Link));

    public static TheoryData<string> Samples => ["default", "two-paths", "large", "infeasible"];

    [Fact]
    public void A4_pages_with_page_numbers_in_every_footer()
    {
        using var pdf = PdfDocument.Open(DefaultPdf.Value);
        // Five paths (their cost lines, the projection in two tables), the bridge and the crossover.
        Assert.InRange(pdf.NumberOfPages, 3, 13);
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal(595, page.Width, 0);
            Assert.Equal(842, page.Height, 0);
            Assert.Contains($"Page {page.Number} of {pdf.NumberOfPages}", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Letter_on_request()
    {
        using var pdf = PdfDocument.Open(PdfSamples.Render(Scenario.Default, paper: PaperSize.Letter));
        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(612, page.Width, 0);
            Assert.Equal(792, page.Height, 0);
        });
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Headline_monthly_totals_are_the_estimates(string sample)
    {
        var estimate = PdfSamples.Estimate(Sample(sample));
        using var pdf = PdfDocument.Open(EstimatePdf.Render(estimate, PdfSamples.Options()));
        var headlines = HeadlineWords(pdf.GetPage(1));

        foreach (var path in estimate.Paths)
        {
            var expected = path.Feasible ? Formats.UsdCents(path.MonthlyUsd) : "Not feasible";
            Assert.Contains(expected, headlines);
        }

        // Default EC2 by hand: 3 × m6i.large × $0.096 × 730 = $210.24, 3 × 20 GiB gp3 × $0.08 = $4.80, ALB
        // ($0.0225 + $0.008 × 34.33 LCU) × 730 = $216.93, cross-AZ 3,341.7 GB × $0.02 = $66.83 → $498.80; internet egress
        // 100,000 × 100 B/s × 2,628,000 s ÷ 2³⁰ = 24,475.2 GB − 100 free: 10,240 × $0.09 + 14,135.2 × $0.085 = $2,123.09
        // → $2,621.89.
        Assert.Equal("$2,621.89", Formats.UsdCents(PdfSamples.Estimate(PdfSamples.TwoPaths)[PathIds.Ec2].MonthlyUsd));
    }

    [Fact]
    public void Page_one_says_when_operations_effort_is_left_at_zero_and_not_once_it_is_entered()
    {
        using var defaults = PdfDocument.Open(DefaultPdf.Value);
        using var withHours = PdfDocument.Open(PdfSamples.Render(Scenario.Default with { EksOperationsHoursPerMonth = 10 }));

        Assert.Contains(PdfSamples.Squeeze("Operations effort is left at 0 h a month on every path"), PdfSamples.Squeeze(defaults.GetPage(1).Text), StringComparison.Ordinal);
        Assert.DoesNotContain(PdfSamples.Squeeze("Operations effort is left at 0 h"), PdfSamples.Squeeze(withHours.GetPage(1).Text), StringComparison.Ordinal);
    }

    [Fact]
    public void The_authors_title_and_notes_are_printed_as_text_on_page_one_before_the_verdict()
    {
        var options = PdfSamples.Options("https://costcalc.example/r/x") with
        {
            Title = "Chat <b>cluster</b> & co",
            Notes = "Why: <script>x</script>\tsized for Q3\nSecond paragraph",
        };
        using var pdf = PdfDocument.Open(EstimatePdf.Render(PdfSamples.Estimate(Scenario.Default), options));
        var pageOne = PdfSamples.Squeeze(pdf.GetPage(1).Text);

        var title = pageOne.IndexOf(PdfSamples.Squeeze("Chat <b>cluster</b> & co"), StringComparison.Ordinal);
        var notes = pageOne.IndexOf(PdfSamples.Squeeze("Why: <script>x</script> sized for Q3"), StringComparison.Ordinal);
        var second = pageOne.IndexOf(PdfSamples.Squeeze("Second paragraph"), StringComparison.Ordinal);
        var verdict = pageOne.IndexOf(PdfSamples.Squeeze(PdfSamples.Estimate(Scenario.Default).Verdict.Summary), StringComparison.Ordinal);
        Assert.True(title >= 0 && notes > title && second > notes && verdict > second, $"title {title}, notes {notes}, second {second}, verdict {verdict}");
    }

    [Fact]
    public void Every_path_with_its_name_and_totals_after_the_verdict()
    {
        var estimate = PdfSamples.Estimate(Scenario.Default);
        using var pdf = PdfDocument.Open(DefaultPdf.Value);
        var pageOne = PdfSamples.Squeeze(pdf.GetPage(1).Text);
        var headlines = HeadlineWords(pdf.GetPage(1));

        Assert.Equal([PathIds.Ec2, PathIds.Eks, PathIds.EksFargate, PathIds.EcsEc2, PathIds.EcsFargate], estimate.Paths.Select(p => p.Id));
        Assert.Contains(PdfSamples.Squeeze(estimate.Verdict.Summary), pageOne, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze($"against {estimate[estimate.Verdict.RunnerUpPath!].Name}, the next cheapest"),
            PdfSamples.Squeeze(estimate.Verdict.Summary), StringComparison.Ordinal);
        foreach (var path in estimate.Paths)
        {
            Assert.Contains(PdfSamples.Squeeze($"{path.Name.ToUpperInvariant()} PER MONTH"), pageOne, StringComparison.Ordinal);
            Assert.Contains(Formats.UsdCents(path.MonthlyUsd), headlines);
            var horizon = estimate.Projection[path.Id].CumulativeUsd[^1];
            Assert.Contains(PdfSamples.Squeeze($"{Formats.Usd(horizon)} over {estimate.Projection.Months} months"), pageOne, StringComparison.Ordinal);
        }

        // Every path but the cheapest says how it compares in month 1 with the cheapest.
        var cheapest = estimate[estimate.Verdict.CheapestPath!];
        foreach (var comparison in estimate.Verdict.Comparisons.Where(c => c.Path != cheapest.Id))
        {
            Assert.Contains(PdfSamples.Squeeze($"{Formats.UsdChange(comparison.Month1DifferenceUsd!.Value)} a month against {cheapest.Name} in month 1"),
                pageOne, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_path_that_cannot_run_has_no_line_and_says_so()
    {
        var estimate = PdfSamples.Estimate(PdfSamples.InfeasibleFargate);
        var fargate = estimate[PathIds.EksFargate];
        Assert.False(fargate.Feasible);
        Assert.All(estimate.Projection[PathIds.EksFargate].MonthlyUsd, m => Assert.Null(m));

        using var cumulative = PdfCharts.CumulativeCost(estimate.Projection);
        using var monthly = PdfCharts.MonthlyCost(estimate.Projection);
        var costed = estimate.Projection.Paths.Count(p => p.MonthlyUsd.All(m => m is not null));
        Assert.Equal(costed, cumulative.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Count());
        Assert.Equal(costed, monthly.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Count());

        using var pdf = PdfDocument.Open(EstimatePdf.Render(estimate, PdfSamples.Options()));
        var text = PdfSamples.Squeezed(pdf);
        Assert.Contains("EKSonFargatecannotrunthese", text, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze("EKS on Fargate · Fargate (cannot run: no line)"), text, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze($"eks-fargate-infeasible · {fargate.Name}"), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("infeasible")]
    public void Page_one_leads_with_the_verdict_over_the_horizon(string sample)
    {
        var estimate = PdfSamples.Estimate(Sample(sample));
        using var pdf = PdfDocument.Open(EstimatePdf.Render(estimate, PdfSamples.Options()));

        var pageOne = PdfSamples.Squeeze(string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)));
        Assert.Contains(PdfSamples.Squeeze(estimate.Verdict.Summary), pageOne, StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_line_totals_and_every_cost_line_are_in_the_tables()
    {
        var estimate = PdfSamples.Estimate(PdfSamples.Large);
        using var pdf = PdfDocument.Open(LargePdf.Value);
        var text = PdfSamples.Squeezed(pdf);
        Assert.Equal(5, estimate.Paths.Count);
        foreach (var path in estimate.Paths)
        {
            Assert.Contains(PdfSamples.Squeeze($"{path.Name} total{Formats.UsdCents(path.MonthlyUsd)}"), text, StringComparison.Ordinal);
            foreach (var line in path.CostLines)
            {
                Assert.Contains(PdfSamples.Squeeze(line.Name + line.Detail), text, StringComparison.Ordinal);
                Assert.Contains(PdfSamples.Squeeze(Formats.UsdCents(line.MonthlyUsd)), text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_input_with_its_value_unit_and_source(string sample)
    {
        var scenario = Sample(sample);
        using var pdf = PdfDocument.Open(PdfSamples.Render(scenario));
        var text = PdfSamples.Squeezed(pdf);

        foreach (var field in ScenarioFields.All.Where(f => f.Matters(scenario)))
        {
            var value = ScenarioInputs.WithUnit(field.Read(scenario), field.Unit);
            Assert.Contains(PdfSamples.Squeeze(field.Label + value), text, StringComparison.Ordinal);
            Assert.Contains(PdfSamples.Squeeze(field.Source), text, StringComparison.Ordinal);
        }

        foreach (var choice in ScenarioChoices.All.Where(c => c.Matters(scenario)))
        {
            Assert.Contains(PdfSamples.Squeeze(choice.Label + choice.LabelOf(choice.Read(scenario))), text, StringComparison.Ordinal);
            Assert.Contains(PdfSamples.Squeeze(choice.Source), text, StringComparison.Ordinal);
        }

        var rows = ScenarioInputs.Of(scenario);
        Assert.Equal(
            ScenarioFields.All.Count(f => f.Matters(scenario)) + ScenarioChoices.All.Count(c => c.Matters(scenario)) + (scenario.HiddenPaths.Count > 0 ? 1 : 0),
            rows.Count);
        foreach (var row in rows)
        {
            Assert.Contains(PdfSamples.Squeeze(row.Label + row.Value + (row.IsDefault ? "" : "default " + row.DefaultValue)), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Inputs_that_do_not_matter_are_left_out_and_hidden_paths_are_named()
    {
        var scenario = PdfSamples.TwoPaths with { Ec2OperationsHoursPerMonth = 4 };
        using var pdf = PdfDocument.Open(PdfSamples.Render(scenario));
        var text = PdfSamples.Squeezed(pdf);
        var rows = ScenarioInputs.Of(scenario).Select(r => r.Label).ToList();

        Assert.Contains(PdfSamples.Squeeze($"{ScenarioInputs.HiddenLabel}ECS on EC2, ECS on Fargate, EKS on Fargatedefault none"), text, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze("EC2 operations effort4 h/monthdefault 0 h/month"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(ScenarioFields.Find("systemNodeCount")!.Label, rows);
        Assert.DoesNotContain(ScenarioChoices.Get("systemNodeInstanceType").Label, rows);
        Assert.DoesNotContain(ScenarioFields.Find("podMemoryMiB")!.Label, rows);
        Assert.Contains(ScenarioFields.Find("podMemoryMiB")!.Label, ScenarioInputs.Of(Scenario.Default).Select(r => r.Label));
        Assert.DoesNotContain(ScenarioInputs.HiddenLabel, ScenarioInputs.Of(Scenario.Default).Select(r => r.Label));
    }

    [Fact]
    public void Region_snapshot_date_and_source_are_on_page_one()
    {
        var estimate = PdfSamples.Estimate(Scenario.Default);
        using var pdf = PdfDocument.Open(DefaultPdf.Value);
        var page1 = PdfSamples.Squeeze(pdf.GetPage(1).Text);

        Assert.Contains(PdfSamples.Squeeze("BEAM service on EC2 vs EKS vs EKS on Fargate vs ECS on EC2 vs ECS on Fargate: cost estimate"), page1, StringComparison.Ordinal);
        Assert.Contains("2026-11-2514:03UTC", page1, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze($"{estimate.Scenario.Region} · {estimate.RegionName}"), page1, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze($"as of {Formats.Date(estimate.PricesAsOf)} · {PdfSamples.PricesSource} · snapshot {estimate.SnapshotId}"),
            page1, StringComparison.Ordinal);
        Assert.Equal("2026-07-20", Formats.Date(estimate.PricesAsOf));

        using var twoPaths = PdfDocument.Open(PdfSamples.Render(PdfSamples.TwoPaths));
        Assert.Contains(PdfSamples.Squeeze("BEAM service on EC2 vs EKS: cost estimate"), PdfSamples.Squeeze(twoPaths.GetPage(1).Text), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_capacity_split_and_facts_are_listed()
    {
        var estimate = PdfSamples.Estimate(PdfSamples.Large);
        using var pdf = PdfDocument.Open(LargePdf.Value);
        var text = PdfSamples.Squeezed(pdf);

        Assert.NotEmpty(estimate.Warnings);
        Assert.All(estimate.Warnings, w => Assert.Contains(PdfSamples.Squeeze(w.Message + w.Code), text, StringComparison.Ordinal));
        Assert.All(estimate.Warnings.Where(w => w.Path is not null), w =>
            Assert.Contains(PdfSamples.Squeeze($"{w.Message}{w.Code} · {estimate[w.Path!].Name}"), text, StringComparison.Ordinal));
        Assert.All(estimate.Facts.Concat(estimate.Paths.SelectMany(p => p.Disruption.Facts)),
            f => Assert.Contains(PdfSamples.Squeeze(f.Name + f.Value + f.Source), text, StringComparison.Ordinal));
        Assert.Contains(PdfSamples.Squeeze("Connections per VM" + string.Concat(estimate.Paths.Select(p => Formats.Count(p.ConnectionsPerVm)))),
            text, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze("VM restarts per month" + string.Concat(estimate.Paths.Select(p => Formats.Count(p.Disruption.VmRestartsPerMonth)))),
            text, StringComparison.Ordinal);
        Assert.All(estimate.Paths.SelectMany(p => p.Memory.Slices), s => Assert.Contains(PdfSamples.Squeeze(s.Name), text, StringComparison.Ordinal));
    }

    [Fact]
    public void Connections_dropped_by_cause_and_what_each_plan_survives_are_printed()
    {
        using var pdf = PdfDocument.Open(DefaultPdf.Value);
        var text = PdfSamples.Squeezed(pdf);

        // Default: 8 deploys × 100,000 on every path; EC2 and the ECS paths have no Kubernetes upgrades (a dash), EKS 3 a year
        // × 100,000 / 12 = 25,000; every path patches once a month, 100,000 (docs/model.md §6.1, §11.6).
        Assert.Contains(PdfSamples.Squeeze("Connections dropped per month900,000900,000900,000900,000900,000… Deploys800,000800,000800,000800,000800,000"), text, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze($"… Kubernetes upgrades{Formats.NoValue}25,00025,000{Formats.NoValue}{Formats.NoValue}"), text, StringComparison.Ordinal);
        Assert.Contains(PdfSamples.Squeeze("Spare capacitysurvives losing 1 instancesurvives losing 1 nodesurvives losing 1 Fargate podsurvives losing 1 instancesurvives losing 1 Fargate task"), text, StringComparison.Ordinal);
        // ECS's deployments, in the beyond-cost section with their source.
        var ecs = PdfSamples.Estimate(Scenario.Default)[PathIds.EcsFargate].Disruption.Find(DropCauses.Deploys)!;
        Assert.Contains(PdfSamples.Squeeze(ecs.Cause + ecs.Detail + ecs.Source), text, StringComparison.Ordinal);
        // How each cause is counted, with its source, in the beyond-cost section.
        var eks = PdfSamples.Estimate(Scenario.Default)[PathIds.Eks].Disruption.Find(DropCauses.KubernetesUpgrades)!;
        Assert.Contains(PdfSamples.Squeeze(eks.Cause + eks.Detail + eks.Source), text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_projection_flows_across_pages_with_its_header_repeated()
    {
        var estimate = PdfSamples.Estimate(PdfSamples.Large);
        using var pdf = PdfDocument.Open(LargePdf.Value);
        var pages = PdfSamples.Pages(pdf);

        var withHeader = pages.Where(p => PdfSamples.Squeeze(p.Text).Contains("EKSonFargatecumulative", StringComparison.Ordinal)).ToList();
        Assert.True(withHeader.Count >= 2, $"the 60-month projection should span pages, found its header on {withHeader.Count}");
        Assert.Equal(withHeader.Count, withHeader.Select(p => p.Number).Distinct().Count());

        var text = PdfSamples.Squeezed(pdf);
        var projection = estimate.Projection;
        // Three paths a table: EC2, EKS, EKS on Fargate, then ECS on EC2 and ECS on Fargate, each row starting with its month.
        foreach (var group in projection.Paths.Chunk(3))
        {
            foreach (var m in new[] { 0, 29, projection.Months - 1 })
            {
                var row = string.Concat(group.Select(p => Formats.Count(p.Machines[m]) + Formats.Usd(p.MonthlyUsd[m]) + Formats.Usd(p.CumulativeUsd[m])));
                Assert.Contains(PdfSamples.Squeeze($"{m + 1}{Formats.Count(projection.Connections[m])}{row}"), text, StringComparison.Ordinal);
            }
        }

        Assert.Equal(2, projection.Paths.Chunk(3).Count());
        Assert.Contains(pages, p => PdfSamples.Squeeze(p.Text).Contains("ECSonFargatecumulative", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_link_is_printed_and_clickable()
    {
        using var pdf = PdfDocument.Open(LargePdf.Value);
        Assert.All(pdf.GetPages(), page => Assert.Contains(PdfSamples.Link, page.Text, StringComparison.Ordinal));
        var links = pdf.GetPages().SelectMany(p => p.GetHyperlinks()).Select(h => h.Uri).ToList();
        Assert.Contains(PdfSamples.Link, links);
        Assert.True(links.Count >= pdf.NumberOfPages, "every footer links to the report");
    }

    [Fact]
    public void An_unsaved_export_says_so()
    {
        using var pdf = PdfDocument.Open(DefaultPdf.Value);
        Assert.Contains("Not saved: exported from the calculator", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Empty(pdf.GetPages().SelectMany(p => p.GetHyperlinks()));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_glyph_is_drawn_twice(string sample)
    {
        // ScottPlot renders twice onto a PDF canvas unless laid out first:
        // every chart label would then sit twice at the same spot.
        using var pdf = PdfDocument.Open(PdfSamples.Render(Sample(sample)));
        foreach (var page in pdf.GetPages())
        {
            var twice = page.Letters
                .Where(l => !string.IsNullOrWhiteSpace(l.Value))
                .GroupBy(l => (l.Value, X: Math.Round(l.StartBaseLine.X, 1), Y: Math.Round(l.StartBaseLine.Y, 1)))
                .Where(g => g.Count() > 1)
                .Select(g => $"'{g.Key.Value}' at ({g.Key.X}, {g.Key.Y})")
                .ToList();
            Assert.True(twice.Count == 0, $"page {page.Number} draws {twice.Count} glyphs twice, e.g. {string.Join(", ", twice.Take(5))}");
        }
    }

    [Fact]
    public void Charts_are_vectors_with_real_text()
    {
        using var pdf = PdfDocument.Open(DefaultPdf.Value);
        var page1 = pdf.GetPage(1);
        Assert.Empty(page1.GetImages());
        Assert.True(page1.Paths.Count > 40, $"page 1 has {page1.Paths.Count} paths");
        // The two cost charts open the report: on page 1, or the second flowing onto page 2.
        var words = page1.GetWords().Concat(pdf.GetPage(2).GetWords()).Select(w => w.Text).ToList();
        Assert.True(words.Count(w => w == "Month") >= 2, "fewer than two month axes on pages 1–2");
        // Cumulative axis of the default (≈ $158k for EC2 over 36 months): ticks every $50k.
        Assert.Contains("$50k", words);
        Assert.Contains("$1,000", words);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Only_the_embedded_family_is_used_and_it_is_embedded(string sample)
    {
        var bytes = PdfSamples.Render(Sample(sample));
        using var pdf = PdfDocument.Open(bytes);

        var used = pdf.GetPages().SelectMany(p => p.Letters).Select(l => BaseName(l.FontName ?? "")).Distinct().Order().ToList();
        Assert.Equal(["CostCalcSans", "CostCalcSans-Bold"], used);

        var descriptors = FontDescriptors(pdf).ToList();
        Assert.Equal(2, descriptors.Count);
        Assert.All(descriptors, d =>
        {
            Assert.StartsWith("CostCalcSans", BaseName(((NameToken)d.Data[NameToken.FontName.Data]).Data), StringComparison.Ordinal);
            Assert.True(d.ContainsKey(NameToken.FontFile2), "the TrueType font program is embedded");
        });
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Under_300_KB(string sample)
    {
        var bytes = PdfSamples.Render(Sample(sample), PdfSamples.Link);
        Assert.InRange(bytes.Length, 20_000, 300 * 1024);
    }

    [Fact]
    public void Concurrent_renders_are_identical()
    {
        var estimate = PdfSamples.Estimate(PdfSamples.Large);
        var options = PdfSamples.Options(PdfSamples.Link);
        var texts = new string[8];
        Parallel.For(0, texts.Length, i =>
        {
            using var pdf = PdfDocument.Open(EstimatePdf.Render(estimate, options));
            texts[i] = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        });
        Assert.All(texts, t => Assert.Equal(texts[0], t));
    }

    private static Scenario Sample(string sample) => sample switch
    {
        "large" => PdfSamples.Large,
        "two-paths" => PdfSamples.TwoPaths,
        "infeasible" => PdfSamples.InfeasibleFargate,
        _ => Scenario.Default,
    };

    /// <summary>The words on page 1 set in the headline size (18 pt, or shrunk to fit a card, but well above body text).</summary>
    private static List<string> HeadlineWords(Page page)
    {
        var words = page.GetWords().Where(w => w.Letters.All(l => l.PointSize >= 12)).Select(w => w.Text).ToList();
        // "Not feasible" is two words in the headline size.
        return [.. words, .. words.Zip(words.Skip(1), (a, b) => a + " " + b)];
    }

    /// <summary>"BAAAAA+CostCalcSans" → "CostCalcSans": subset tags are six capitals and a plus.</summary>
    private static string BaseName(string fontName) =>
        fontName.Length > 7 && fontName[6] == '+' ? fontName[7..] : fontName;

    private static IEnumerable<DictionaryToken> FontDescriptors(PdfDocument pdf)
    {
        foreach (var reference in pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            var token = pdf.Structure.GetObject(reference).Data;
            if (token is DictionaryToken dictionary
                && dictionary.TryGet(NameToken.Type, out NameToken type) && type.Equals(NameToken.FontDescriptor))
            {
                yield return dictionary;
            }
        }
    }
}
