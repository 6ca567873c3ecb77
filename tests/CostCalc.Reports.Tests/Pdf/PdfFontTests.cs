using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;
using CostCalc.Reports.Pdf;

namespace CostCalc.Reports.Tests.Pdf;

/// <summary>The shipped font is a subset: everything the report prints must be in it, or it prints as boxes.</summary>
public sealed class PdfFontTests
{
    public static TheoryData<string> Faces => ["regular", "bold"];

    [Theory]
    [MemberData(nameof(Faces))]
    public void Every_character_the_report_can_print_has_a_glyph(string face)
    {
        var typeface = face == "bold" ? PdfFonts.Bold : PdfFonts.Regular;
        var texts = new List<string>();
        foreach (var scenario in new[] { Scenario.Default, PdfSamples.Large, PdfSamples.InfeasibleFargate })
        {
            texts.AddRange(Texts(PdfSamples.Estimate(scenario)));
            texts.AddRange(ScenarioInputs.Of(scenario).SelectMany(r => new[] { r.Label, r.Value, r.DefaultValue, r.Source }));
        }

        texts.AddRange(typeof(Sources).GetFields().Select(f => (string)f.GetValue(null)!));
        texts.AddRange(Enum.GetValues<Domain.Prices.PurchaseOption>().Select(ScenarioChoices.Label));
        texts.AddRange(ScenarioChoices.All.SelectMany(c => c.Values.Select(v => v.Label).Append(c.Label).Append(c.Source)));
        texts.AddRange(ScenarioFields.All.SelectMany(f => new[] { f.Label, f.Unit, f.Source }));
        texts.Add("−$1,234.56 · … × ≈ ≤ ≥ → µ § – — é ü ã");

        var missing = texts.SelectMany(t => t).Where(c => !char.IsControl(c)).Distinct()
            .Where(c => !typeface.ContainsGlyphs(c.ToString())).ToList();
        Assert.True(missing.Count == 0, $"CostCalc Sans ({face}) lacks: {string.Join(" ", missing.Select(c => $"U+{(int)c:X4} '{c}'"))}");
    }

    [Fact]
    public void Faces_come_from_this_assembly_not_from_the_system()
    {
        Assert.Equal("CostCalc Sans", PdfFonts.Regular.FamilyName);
        Assert.Equal("CostCalc Sans", PdfFonts.Bold.FamilyName);
        Assert.True(PdfFonts.Bold.IsBold);
        Assert.False(PdfFonts.Regular.IsBold);
        PdfFonts.RegisterWithScottPlot();
        Assert.Same(PdfFonts.Regular, ScottPlot.Fonts.GetTypeface(PdfFonts.ChartFamily, bold: false, italic: false));
        Assert.Same(PdfFonts.Bold, ScottPlot.Fonts.GetTypeface(PdfFonts.ChartFamily, bold: true, italic: false));
    }

    [Fact]
    public void The_licence_ships_beside_the_app()
    {
        var licence = Path.Combine(AppContext.BaseDirectory, "Fonts", "CostCalcSans-OFL.txt");
        Assert.True(File.Exists(licence), licence);
        Assert.Contains("SIL OPEN FONT LICENSE Version 1.1", File.ReadAllText(licence), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_output_has_only_linux_x64_native_libraries()
    {
        var bin = AppContext.BaseDirectory;
        Assert.True(File.Exists(Path.Combine(bin, "libSkiaSharp.so")), "libSkiaSharp.so for linux-x64");
        Assert.True(File.Exists(Path.Combine(bin, "libHarfBuzzSharp.so")), "libHarfBuzzSharp.so for linux-x64");
        Assert.False(Directory.Exists(Path.Combine(bin, "runtimes")), "no runtimes/ folder with other platforms' libraries");
        Assert.Empty(Directory.EnumerateFiles(bin, "*.dylib", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(bin, "libSkiaSharp.dll", SearchOption.AllDirectories));
    }

    private static IEnumerable<string> Texts(Estimate estimate) =>
        estimate.Paths
            .SelectMany(p => p.CostLines.SelectMany(l => new[] { l.Name, l.Detail, l.Source })
                .Concat(p.Memory.Slices.Concat(p.Cpu.Slices).Select(s => s.Name))
                .Concat(p.Disruption.Facts.SelectMany(f => new[] { f.Name, f.Value, f.Source }))
                .Append(p.Name).Append(p.Name.ToUpperInvariant()).Append(p.MachineType).Append(p.MachineKind))
            .Concat(estimate.Facts.SelectMany(f => new[] { f.Name, f.Value, f.Source }))
            .Append(estimate.Verdict.Summary)
            .Concat(estimate.Warnings.SelectMany(w => new[] { w.Code, w.Message }))
            .Append(estimate.RegionName);
}
