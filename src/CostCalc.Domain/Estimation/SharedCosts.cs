using System.Globalization;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// Costs every path incurs the same way for the same traffic: load balancer (<see cref="LoadBalancing"/>), NAT gateways,
/// cross-AZ transfer between BEAM VMs, internet egress to clients, operations.
/// </summary>
internal static class SharedCosts
{
    public static decimal Nat(Scenario scenario, ServicePrices services) =>
        (scenario.NatGateways * services.NatGatewayUsdPerHour * Billing.HoursPerMonth)
        + ((decimal)scenario.NatProcessedGbPerMonth * services.NatGatewayUsdPerGb);

    /// <summary>
    /// Share of messages that leave their VM's zone: the remote share s times (Z − 1) / Z for VMs
    /// spread evenly over Z zones, where a path on fewer machines than zones spans only that many.
    /// </summary>
    public static double OtherZoneShare(Scenario scenario, double remoteFraction, long beamMachines)
    {
        var zones = Math.Min(scenario.AvailabilityZones, Math.Max(1, beamMachines));
        return zones <= 1 ? 0 : remoteFraction * (zones - 1) / zones;
    }

    /// <summary>GB a month of messages between VMs that land in another availability zone.</summary>
    public static double CrossAzGbPerMonth(Scenario scenario, double connections, double remoteFraction, long beamMachines) =>
        connections * scenario.MessagesPerConnectionPerSecond * OtherZoneShare(scenario, remoteFraction, beamMachines)
        * scenario.BytesPerMessage * Billing.SecondsPerMonth / Billing.BytesPerGb;

    /// <summary>Cross-AZ bytes are billed on the way out of one zone and into the other.</summary>
    public static decimal CrossAz(Scenario scenario, ServicePrices services, double connections, PathSize size) =>
        (decimal)CrossAzGbPerMonth(scenario, connections, size.RemoteFraction, size.BeamMachines)
        * services.CrossAzUsdPerGbEachDirection * 2;

    /// <summary>GB a month sent to clients over the internet: the same bytes whichever path serves them.</summary>
    public static double InternetEgressGbPerMonth(Scenario scenario, double connections) =>
        connections * scenario.ClientBytesPerConnectionPerSecond * Billing.SecondsPerMonth / Billing.BytesPerGb;

    public static decimal InternetEgress(Scenario scenario, ServicePrices services, double connections) =>
        services.InternetEgress.MonthlyUsd(InternetEgressGbPerMonth(scenario, connections));

    public static decimal Operations(double hours, Scenario scenario) => (decimal)hours * scenario.OperationsUsdPerHour;

    /// <summary>Adds the costs every path incurs the same way for the same traffic.</summary>
    public static void Cost(Scenario scenario, ServicePrices services, PathSize size, double connections, double opsHours, CostSheet sheet)
    {
        if (LoadBalancing.Unit(scenario.LoadBalancer) is { } unit)
        {
            var balancer = scenario.LoadBalancer;
            sheet.Add(CostKind.LoadBalancer, LoadBalancing.Name(balancer), LoadBalancing.MonthlyUsd(scenario, services, connections),
                $"{LoadBalancing.CapacityUnits(unit, scenario, connections):#,0.#} {unit.Unit} at peak, set by {LoadBalancing.Binding(unit, scenario, connections)}",
                balancer == Scenarios.LoadBalancer.Alb ? Sources.Alb : Sources.Nlb);
        }

        if (scenario.NatGateways > 0 || scenario.NatProcessedGbPerMonth > 0)
        {
            sheet.Add(CostKind.NatGateway, "NAT gateways", Nat(scenario, services),
                $"{Plural(scenario.NatGateways, "gateway")}, {scenario.NatProcessedGbPerMonth:#,0.#} GB processed", Sources.Nat);
        }

        sheet.Add(CostKind.CrossAzTransfer, "Cross-AZ transfer", CrossAz(scenario, services, connections, size),
            $"{CrossAzGbPerMonth(scenario, connections, size.RemoteFraction, size.BeamMachines):#,0.#} GB/month between VMs in other zones",
            Sources.CrossAz);
        if (scenario.ClientBytesPerConnectionPerSecond > 0)
        {
            var egress = services.InternetEgress;
            sheet.Add(CostKind.InternetEgress, "Internet egress", InternetEgress(scenario, services, connections),
                $"{InternetEgressGbPerMonth(scenario, connections):#,0.#} GB/month to clients, {egress.FreeGbPerMonth:#,0.#} GB free, tiered ${egress.First10TbUsdPerGb:0.00#}–{egress.Over150TbUsdPerGb:0.00#}/GB",
                Sources.InternetEgress);
        }

        if (opsHours > 0)
        {
            sheet.Add(CostKind.Operations, "Operations", Operations(opsHours, scenario),
                $"{opsHours:#,0.#} h × ${scenario.OperationsUsdPerHour:#,0.##}", Sources.Assumption);
        }
    }

    /// <summary>"1 gateway", "3 gateways".</summary>
    public static string Plural(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:#,0} {noun}{(count == 1 ? "" : "s")}");
}
