using System.Globalization;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// The answer over the whole horizon: which path costs less in total, by how much, which is cheaper
/// in month 1, and the months in which the cheaper path per month changes.
/// </summary>
/// <param name="CheapestPath">Cheapest over the horizon; null when both cost the same or one cannot be costed.</param>
/// <param name="HorizonSavingUsd">Total of the dearer path less the cheapest's, over the horizon.</param>
/// <param name="HorizonSavingPercent">That saving as a percentage of the dearer path's total.</param>
/// <param name="Month1CheaperPath">Cheaper in month 1; null when equal or not comparable.</param>
/// <param name="FlipMonths">Months whose cheaper path differs from the month before's.</param>
/// <param name="Summary">One sentence, e.g. "EC2 saves $6,283 (21 %) over 36 months; EKS is never cheaper."</param>
public sealed record Verdict(
    DeploymentPath? CheapestPath,
    decimal HorizonSavingUsd,
    double HorizonSavingPercent,
    DeploymentPath? Month1CheaperPath,
    IReadOnlyList<int> FlipMonths,
    string Summary)
{
    public static Verdict From(IReadOnlyList<ProjectionMonth> months)
    {
        if (months.Count == 0)
        {
            return new(null, 0, 0, null, [], "Nothing to compare: the horizon has no months.");
        }

        var last = months[^1];
        var horizon = Months(months.Count);
        if (last.Ec2CumulativeUsd is not { } ec2 || last.EksCumulativeUsd is not { } eks)
        {
            return NotComparable(last, horizon);
        }

        var month1 = Cheaper(months[0].Ec2MonthlyUsd!.Value, months[0].EksMonthlyUsd!.Value);
        var flips = new List<int>();
        for (var i = 1; i < months.Count; i++)
        {
            var before = Cheaper(months[i - 1].Ec2MonthlyUsd!.Value, months[i - 1].EksMonthlyUsd!.Value);
            if (Cheaper(months[i].Ec2MonthlyUsd!.Value, months[i].EksMonthlyUsd!.Value) != before)
            {
                flips.Add(months[i].Month);
            }
        }

        var cheapest = Cheaper(ec2, eks);
        if (cheapest is not { } winner)
        {
            return new(null, 0, 0, month1, flips, string.Create(CultureInfo.InvariantCulture,
                $"EC2 and EKS cost the same over {horizon} ({Usd(ec2)})."));
        }

        var saving = Math.Abs(eks - ec2);
        var dearer = Math.Max(ec2, eks);
        var percent = dearer > 0 ? (double)(saving / dearer * 100) : 0;
        var loser = winner == DeploymentPath.Ec2 ? DeploymentPath.Eks : DeploymentPath.Ec2;
        var loserCheaperMonths = months
            .Where(m => Cheaper(m.Ec2MonthlyUsd!.Value, m.EksMonthlyUsd!.Value) == loser)
            .Select(m => m.Month)
            .ToList();
        var tail = loserCheaperMonths.Count == 0
            ? $"{Name(loser)} is never cheaper"
            : $"{Name(loser)} is cheaper per month in {MonthRanges(loserCheaperMonths)}";
        return new(winner, saving, percent, month1, flips, string.Create(CultureInfo.InvariantCulture,
            $"{Name(winner)} saves {Usd(saving)} ({Percent(percent)}) over {horizon}; {tail}."));
    }

    private static Verdict NotComparable(ProjectionMonth last, string horizon)
    {
        var summary = (last.Ec2CumulativeUsd, last.EksCumulativeUsd) switch
        {
            (null, null) => "Neither path can run these inputs: see the warnings for what to change.",
            (null, { } eks) => $"EC2 cannot run these inputs (see its warning); EKS costs {Usd(eks)} over {horizon}.",
            ({ } ec2, _) => $"EKS cannot run these inputs (see its warning); EC2 costs {Usd(ec2)} over {horizon}.",
        };
        return new(null, 0, 0, null, [], summary);
    }

    private static DeploymentPath? Cheaper(decimal ec2, decimal eks) =>
        ec2 == eks ? null : ec2 < eks ? DeploymentPath.Ec2 : DeploymentPath.Eks;

    public static string Name(DeploymentPath path) => path == DeploymentPath.Ec2 ? "EC2" : "EKS";

    private static string Months(int count) => count == 1 ? "1 month" : $"{count} months";

    /// <summary>"21 %", "0.7 %", "&lt; 0.1 %".</summary>
    private static string Percent(double percent) =>
        percent >= 10 ? percent.ToString("0", CultureInfo.InvariantCulture) + " %"
        : percent >= 0.1 ? percent.ToString("0.#", CultureInfo.InvariantCulture) + " %"
        : "< 0.1 %";

    private static string Usd(decimal amount) => string.Create(CultureInfo.InvariantCulture, $"${Math.Round(amount):#,0}");

    /// <summary>"month 3", "months 1–4", "months 1–4 and 30–36".</summary>
    private static string MonthRanges(List<int> months)
    {
        var ranges = new List<string>();
        var start = months[0];
        for (var i = 1; i <= months.Count; i++)
        {
            if (i < months.Count && months[i] == months[i - 1] + 1)
            {
                continue;
            }

            var end = months[i - 1];
            ranges.Add(start == end ? $"{start}" : $"{start}–{end}");
            if (i < months.Count)
            {
                start = months[i];
            }
        }

        var joined = ranges.Count == 1 ? ranges[0] : string.Join(", ", ranges.Take(ranges.Count - 1)) + " and " + ranges[^1];
        return (months.Count == 1 ? "month " : "months ") + joined;
    }
}
