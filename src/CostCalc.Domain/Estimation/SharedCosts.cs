using System.Globalization;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>Costs both paths incur the same way: load balancer, cross-AZ transfer, operations.</summary>
internal static class SharedCosts
{
    public const double NewConnectionsPerLcu = 25;
    public const double ActiveConnectionsPerLcu = 3000;
    public const double GbPerHourPerLcu = 1;

    public static double LoadBalancerCapacityUnits(Scenario scenario, double connections)
    {
        var gbPerHour = connections * scenario.MessagesPerConnectionPerSecond * scenario.BytesPerMessage * 3600 / Billing.BytesPerGb;
        return Math.Max(
            Math.Max(scenario.NewConnectionsPerSecond / NewConnectionsPerLcu, connections / ActiveConnectionsPerLcu),
            gbPerHour / GbPerHourPerLcu);
    }

    public static decimal LoadBalancer(Scenario scenario, ServicePrices services, double connections) =>
        scenario.LoadBalancer == Scenarios.LoadBalancer.Alb
            ? (services.AlbUsdPerHour + (services.AlbUsdPerLcuHour * (decimal)LoadBalancerCapacityUnits(scenario, connections)))
              * Billing.HoursPerMonth
            : 0;

    /// <summary>GB a month of messages between VMs that land in another availability zone.</summary>
    public static double CrossAzGbPerMonth(Scenario scenario, double connections, double remoteFraction)
    {
        var zones = scenario.AvailabilityZones;
        var otherZoneShare = zones <= 1 ? 0 : (zones - 1) / (double)zones;
        return connections * scenario.MessagesPerConnectionPerSecond * remoteFraction * otherZoneShare
            * scenario.BytesPerMessage * Billing.SecondsPerMonth / Billing.BytesPerGb;
    }

    /// <summary>Cross-AZ bytes are billed on the way out of one zone and into the other.</summary>
    public static decimal CrossAz(Scenario scenario, ServicePrices services, double connections, double remoteFraction) =>
        (decimal)CrossAzGbPerMonth(scenario, connections, remoteFraction) * services.CrossAzUsdPerGbEachDirection * 2;

    public static decimal Operations(double hours, Scenario scenario) => (decimal)hours * scenario.OperationsUsdPerHour;

    public static void AddLines(
        List<CostLine> lines, ReadOnlySpan<decimal> amounts, Scenario scenario, double connections, double remoteFraction, double opsHours)
    {
        var inv = CultureInfo.InvariantCulture;
        if (scenario.LoadBalancer == Scenarios.LoadBalancer.Alb)
        {
            lines.Add(new(CostKind.LoadBalancer, "Application Load Balancer", amounts[(int)CostKind.LoadBalancer],
                string.Create(inv, $"1 ALB, {LoadBalancerCapacityUnits(scenario, connections):#,0.#} LCU at peak"), Sources.Alb));
        }

        lines.Add(new(CostKind.CrossAzTransfer, "Cross-AZ transfer", amounts[(int)CostKind.CrossAzTransfer],
            string.Create(inv, $"{CrossAzGbPerMonth(scenario, connections, remoteFraction):#,0.#} GB/month between VMs in other zones"),
            Sources.CrossAz));
        if (opsHours > 0)
        {
            lines.Add(new(CostKind.Operations, "Operations", amounts[(int)CostKind.Operations],
                string.Create(inv, $"{opsHours:#,0.#} h × ${scenario.OperationsUsdPerHour:#,0.##}"), Sources.Assumption));
        }
    }
}
