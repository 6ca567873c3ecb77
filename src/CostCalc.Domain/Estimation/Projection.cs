using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>Month-by-month size and cost of both paths as connections grow.</summary>
internal static class Projection
{
    public static IReadOnlyList<ProjectionMonth> Build(IPathPlan ec2, IPathPlan eks, Scenario scenario)
    {
        var months = new ProjectionMonth[scenario.HorizonMonths];
        var growth = 1 + (scenario.GrowthPercentPerMonth / 100);
        double connections = scenario.PeakConnections;
        decimal? ec2Total = 0, eksTotal = 0;
        for (var m = 0; m < months.Length; m++)
        {
            var ec2Size = ec2.Size(connections);
            var eksSize = eks.Size(connections);
            var ec2Usd = ec2Size.Feasible ? ec2.MonthlyUsd(ec2Size, connections) : (decimal?)null;
            var eksUsd = eksSize.Feasible ? eks.MonthlyUsd(eksSize, connections) : (decimal?)null;
            ec2Total += ec2Usd;
            eksTotal += eksUsd;
            months[m] = new ProjectionMonth(m + 1, (long)Math.Round(connections), ec2Size.Machines, eksSize.Machines,
                ec2Usd, eksUsd, ec2Total, eksTotal)
            {
                Ec2Vms = ec2Size.Vms,
                EksVms = eksSize.Vms,
            };
            connections = Math.Max(1, connections * growth);
        }

        return months;
    }

    /// <summary>The first month in which the path that was cheaper over time stops being so, or null if it never does.</summary>
    public static int? BreakEvenMonth(IReadOnlyList<ProjectionMonth> months)
    {
        if (months.Count == 0 || months[0].Ec2CumulativeUsd is null || months[0].EksCumulativeUsd is null)
        {
            return null;
        }

        var firstSign = Math.Sign(months[0].EksCumulativeUsd!.Value - months[0].Ec2CumulativeUsd!.Value);
        foreach (var month in months)
        {
            var sign = Math.Sign(month.EksCumulativeUsd!.Value - month.Ec2CumulativeUsd!.Value);
            if (sign != firstSign)
            {
                return month.Month;
            }
        }

        return null;
    }
}
