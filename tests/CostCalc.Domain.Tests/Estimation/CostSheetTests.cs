using CostCalc.Domain.Estimation;

namespace CostCalc.Domain.Tests.Estimation;

/// <summary>
/// The sheet plans write their costs into: a sheet of totals (projection, ranking) never formats a
/// detail; an itemised sheet keeps every line, in the order written, summing to its total.
/// </summary>
public class CostSheetTests
{
    /// <summary>An interpolation hole that counts how often it is formatted.</summary>
    private sealed class CountingHole
    {
        public int Calls { get; private set; }

        public override string ToString()
        {
            Calls++;
            return "hole";
        }
    }

    [Fact]
    public void Totals_InterpolatedDetail_IsNeverFormatted()
    {
        var hole = new CountingHole();
        var sheet = CostSheet.Totals();

        sheet.Add(CostKind.Compute, "Compute", 100m, $"{hole} × 730 h", "test");
        sheet.Add(CostKind.Storage, "Storage", 20m, $"{hole} GiB at {hole}", "test");

        Assert.Equal(0, hole.Calls);
        Assert.False(sheet.IsItemised);
        Assert.Empty(sheet.Lines);
        Assert.Equal(120m, sheet.Total);
        Assert.Equal(100m, sheet.Amount(CostKind.Compute));
        Assert.Equal(20m, sheet.Amount(CostKind.Storage));
        Assert.Equal(0m, sheet.Amount(CostKind.ControlPlane));
    }

    [Fact]
    public void Itemised_InterpolatedDetail_IsFormattedOncePerHole()
    {
        var hole = new CountingHole();
        var sheet = CostSheet.Itemised();

        sheet.Add(CostKind.Compute, "Compute", 100m, $"{hole} × {730} h at ${0.096m:0.###}/h", "test");

        Assert.Equal(1, hole.Calls);
        Assert.True(sheet.IsItemised);
        Assert.Equal("hole × 730 h at $0.096/h", Assert.Single(sheet.Lines).Detail);
    }

    [Fact]
    public void Itemised_Lines_KeepTheOrderWrittenAndSumToTheTotal()
    {
        var sheet = CostSheet.Itemised();

        sheet.Add(CostKind.Storage, "Volumes", 4.80m, "3 × 20 GiB", "gp3");
        sheet.Add(CostKind.Compute, "Instances", 210.24m, $"{3} × m6i.large", "730 h");
        sheet.Add(CostKind.ControlPlane, "Control plane", 73m, "1 cluster", "EKS");
        sheet.Add(CostKind.Storage, "More volumes", 1.60m, "1 × 20 GiB", "gp3");

        Assert.Equal(
            [
                new CostLine(CostKind.Storage, "Volumes", 4.80m, "3 × 20 GiB", "gp3"),
                new CostLine(CostKind.Compute, "Instances", 210.24m, "3 × m6i.large", "730 h"),
                new CostLine(CostKind.ControlPlane, "Control plane", 73m, "1 cluster", "EKS"),
                new CostLine(CostKind.Storage, "More volumes", 1.60m, "1 × 20 GiB", "gp3"),
            ],
            sheet.Lines);

        // 4.80 + 210.24 + 73 + 1.60 = 289.64; storage 4.80 + 1.60 = 6.40.
        Assert.Equal(289.64m, sheet.Total);
        Assert.Equal(sheet.Lines.Sum(l => l.MonthlyUsd), sheet.Total);
        Assert.Equal(6.40m, sheet.Amount(CostKind.Storage));
        Assert.Equal(210.24m, sheet.Amount(CostKind.Compute));
    }

    [Fact]
    public void Clear_EmptiesLinesAmountsAndTotal()
    {
        var sheet = CostSheet.Itemised();
        sheet.Add(CostKind.Compute, "Instances", 210.24m, "x", "y");

        sheet.Clear();

        Assert.Empty(sheet.Lines);
        Assert.Equal(0m, sheet.Total);
        Assert.Equal(0m, sheet.Amount(CostKind.Compute));
        Assert.True(sheet.IsItemised);
    }

    [Fact]
    public void TotalsAndItemised_SameCalls_SameAmounts()
    {
        var totals = CostSheet.Totals();
        var itemised = CostSheet.Itemised();

        foreach (var sheet in new[] { totals, itemised })
        {
            sheet.Add(CostKind.Compute, "Instances", 210.24m, $"{3} × m6i.large", "730 h");
            sheet.Add(CostKind.LoadBalancer, "ALB", 216.92548828125m, $"{34.33:0.#} LCU", "ALB");
        }

        Assert.Equal(itemised.Total, totals.Total);
        Assert.All(Enum.GetValues<CostKind>(), k => Assert.Equal(itemised.Amount(k), totals.Amount(k)));
        Assert.Equal("34.3 LCU", itemised.Lines[1].Detail);
    }
}
