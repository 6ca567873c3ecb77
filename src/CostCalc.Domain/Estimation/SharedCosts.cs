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
    /// <summary>A month of the load balancer: each period's hourly price (capacity units at that period's load) × its hours.</summary>
    public static decimal LoadBalancer(Scenario scenario, ServicePrices services, LoadDay day) =>
        day.Sum((scenario, services), static (x, p) => LoadBalancing.UsdPerHour(x.scenario, x.services, p.Connections));

    /// <summary>GB a month the NAT gateways process: the input (at peak load) × the day's average load.</summary>
    public static double NatProcessedGbPerMonth(Scenario scenario, LoadDay day) =>
        day.Average(scenario.NatProcessedGbPerMonth, static (gb, p) => gb * p.Load);

    public static decimal Nat(Scenario scenario, ServicePrices services, LoadDay day) =>
        (scenario.NatGateways * services.NatGatewayUsdPerHour * Billing.HoursPerMonth)
        + ((decimal)NatProcessedGbPerMonth(scenario, day) * services.NatGatewayUsdPerGb);

    /// <summary>
    /// Share of messages that leave their VM's zone: the remote share s times (Z − 1) / Z for VMs
    /// spread evenly over Z zones, where a path on fewer machines than zones spans only that many.
    /// </summary>
    public static double OtherZoneShare(Scenario scenario, double remoteFraction, long beamMachines)
    {
        var zones = Math.Min(scenario.AvailabilityZones, Math.Max(1, beamMachines));
        return zones <= 1 ? 0 : remoteFraction * (zones - 1) / zones;
    }

    /// <summary>GB a month of messages between VMs that land in another availability zone, were this load held all month.</summary>
    public static double CrossAzGbPerMonth(Scenario scenario, double connections, double remoteFraction, long beamMachines) =>
        connections * scenario.MessagesPerConnectionPerSecond * OtherZoneShare(scenario, remoteFraction, beamMachines)
        * scenario.BytesPerMessage * Billing.SecondsPerMonth / Billing.BytesPerGb;

    /// <summary>GB a month between zones over the day: each period's load on the fleet running then, × its share of the day.</summary>
    public static double CrossAzGbPerMonth(Scenario scenario, LoadDay day) =>
        day.Average(scenario, static (s, p) => CrossAzGbPerMonth(s, p.Connections, p.Size.RemoteFraction, p.Size.BeamMachines));

    /// <summary>Cross-AZ bytes are billed on the way out of one zone and into the other.</summary>
    public static decimal CrossAz(Scenario scenario, ServicePrices services, LoadDay day) =>
        (decimal)CrossAzGbPerMonth(scenario, day) * services.CrossAzUsdPerGbEachDirection * 2;

    /// <summary>GB a month sent to clients over the internet, were this load held all month: the same bytes whichever path serves them.</summary>
    public static double InternetEgressGbPerMonth(Scenario scenario, double connections) =>
        connections * scenario.ClientBytesPerConnectionPerSecond * Billing.SecondsPerMonth / Billing.BytesPerGb;

    /// <summary>GB a month to clients over the day: each period's load × its share of the day.</summary>
    public static double InternetEgressGbPerMonth(Scenario scenario, LoadDay day) =>
        day.Average(scenario, static (s, p) => InternetEgressGbPerMonth(s, p.Connections));

    /// <summary>The month's GB priced on the tiers: the tiers apply to the month's total, not to each period.</summary>
    public static decimal InternetEgress(Scenario scenario, ServicePrices services, LoadDay day) =>
        services.InternetEgress.MonthlyUsd(InternetEgressGbPerMonth(scenario, day));

    public static decimal Operations(double hours, Scenario scenario) => (decimal)hours * scenario.OperationsUsdPerHour;

    /// <summary>
    /// The compute line of a path that runs BEAM VMs on instances of one type: its BEAM machine-hours at the
    /// type's hourly price, worded for a flat fleet or one that follows the day.
    /// </summary>
    /// <param name="hourUnit">What an hour of one machine is called: "instance", "node".</param>
    /// <param name="adjustments">The user's prices, for the line's note; null at list prices.</param>
    public static void AddMachines(CostSheet sheet, string name, string hourUnit, string typeName, decimal usdPerHour, PurchaseOption option, LoadDay day, PriceAdjustments? adjustments = null)
    {
        var hours = day.BeamMachineHoursPerMonth;
        var note = sheet.IsItemised ? adjustments?.InstanceNote(typeName, option) : null;
        var label = ScenarioChoices.Label(option);
        var source = option == PurchaseOption.Spot ? Sources.SpotAdvisor : Sources.HoursPerMonth;
        // One branch per detail: a detail written as a ternary would be formatted even on the projection's totals sheet.
        if (day.Autoscaled)
        {
            sheet.Add(CostKind.Compute, name, hours * usdPerHour,
                $"{hours:#,0} {hourUnit}-hours of {typeName} at ${usdPerHour:0.#####}/h ({label}): {day.Peak.Size.BeamMachines:#,0} at peak, {day.OffPeak.Size.BeamMachines:#,0} off-peak, autoscaled{day.ShapeSuffix}",
                source, note);
        }
        else
        {
            sheet.Add(CostKind.Compute, name, hours * usdPerHour, $"{day.Peak.Size.BeamMachines:#,0} × {typeName} at ${usdPerHour:0.#####}/h ({label}) × 730 h", source, note);
        }
    }

    /// <summary>The rates of EBS gp3 volumes, for notes.</summary>
    public static readonly string[] Gp3Rates = [PriceRates.Gp3Gb];

    private static readonly string[] X64Credits = [PriceRates.CpuCredit];
    private static readonly string[] ArmCredits = [PriceRates.CpuCreditGraviton];

    /// <summary>The surplus-credit rate a burstable type pays, for notes.</summary>
    public static string[] CreditRates(Catalog.InstanceType type) => type.Architecture == Catalog.CpuArchitecture.Arm64 ? ArmCredits : X64Credits;

    private static readonly string[] AlbRates = [PriceRates.Alb, PriceRates.AlbLcu];
    private static readonly string[] NlbRates = [PriceRates.Nlb, PriceRates.NlbNlcu];
    private static readonly string[] NatRates = [PriceRates.NatGateway, PriceRates.NatGb];
    private static readonly string[] CrossAzRates = [PriceRates.CrossAzGb];
    private static readonly string[] EgressRates = [PriceRates.EgressTier1, PriceRates.EgressTier2, PriceRates.EgressTier3, PriceRates.EgressTier4];

    /// <summary>Adds the costs every path incurs the same way for the same traffic, over the day's load shape.</summary>
    /// <param name="adjustments">The user's prices, for the lines' notes (<see cref="RegionPrices.Adjustments"/>); null at list prices.</param>
    public static void Cost(Scenario scenario, ServicePrices services, LoadDay day, double opsHours, CostSheet sheet, PriceAdjustments? adjustments = null)
    {
        var notes = sheet.IsItemised ? adjustments : null;
        var peak = day.Peak;
        var traffic = sheet.Traffic(scenario, services, day);
        if (LoadBalancing.Unit(scenario.LoadBalancer) is { } unit)
        {
            var balancer = scenario.LoadBalancer;
            var offPeak = day.Flat || !sheet.IsItemised ? "" : string.Create(CultureInfo.InvariantCulture,
                $", {LoadBalancing.CapacityUnits(unit, scenario, day.OffPeak.Connections):#,0.#} off-peak");
            sheet.Add(CostKind.LoadBalancer, LoadBalancing.Name(balancer), traffic.LoadBalancer,
                $"{LoadBalancing.CapacityUnits(unit, scenario, peak.Connections):#,0.#} {unit.Unit} at peak, set by {LoadBalancing.Binding(unit, scenario, peak.Connections)}{offPeak}{day.ShapeSuffix}",
                balancer == Scenarios.LoadBalancer.Alb ? Sources.Alb : Sources.Nlb,
                notes?.Note(PriceFamily.LoadBalancing, balancer == Scenarios.LoadBalancer.Alb ? AlbRates : NlbRates));
        }

        if (scenario.NatGateways > 0 || scenario.NatProcessedGbPerMonth > 0)
        {
            var processed = day.Flat || !sheet.IsItemised ? "" : string.Create(CultureInfo.InvariantCulture,
                $" ({scenario.NatProcessedGbPerMonth:#,0.#} GB/month at peak load{day.ShapeSuffix})");
            sheet.Add(CostKind.NatGateway, "NAT gateways", traffic.Nat,
                $"{Plural(scenario.NatGateways, "gateway")}, {NatProcessedGbPerMonth(scenario, day):#,0.#} GB processed{processed}", Sources.Nat,
                notes?.Note(PriceFamily.None, NatRates));
        }

        sheet.Add(CostKind.CrossAzTransfer, "Cross-AZ transfer", CrossAz(scenario, services, day),
            $"{CrossAzGbPerMonth(scenario, day):#,0.#} GB/month between VMs in other zones{day.ShapeSuffix}",
            Sources.CrossAz, notes?.Note(PriceFamily.DataTransfer, CrossAzRates));
        if (scenario.ClientBytesPerConnectionPerSecond > 0)
        {
            var egress = services.InternetEgress;
            sheet.Add(CostKind.InternetEgress, "Internet egress", traffic.InternetEgress,
                $"{InternetEgressGbPerMonth(scenario, day):#,0.#} GB/month to clients, {egress.FreeGbPerMonth:#,0.#} GB free, tiered ${egress.First10TbUsdPerGb:0.00#}–{egress.Over150TbUsdPerGb:0.00#}/GB{day.ShapeSuffix}",
                Sources.InternetEgress, notes?.Note(PriceFamily.DataTransfer, EgressRates));
        }

        if (opsHours > 0)
        {
            sheet.Add(CostKind.Operations, "Operations", Operations(opsHours, scenario),
                $"{opsHours:#,0.#} h × ${scenario.OperationsUsdPerHour:#,0.##}", Sources.Assumption);
        }
    }

    /// <summary>
    /// The month's lines that follow the traffic alone — load balancer, NAT gateways, internet egress — worked out for
    /// one path. They read the scenario, its service prices and the day's periods (hours and connections), never the
    /// fleet, so every path of a scenario has the same ones in the same month (cross-AZ bytes depend on the fleet's zones
    /// and are not among them).
    /// </summary>
    public static TrafficCosts Traffic(Scenario scenario, ServicePrices services, LoadDay day) => new(
        LoadBalancing.Unit(scenario.LoadBalancer) is null ? 0 : LoadBalancer(scenario, services, day),
        scenario.NatGateways > 0 || scenario.NatProcessedGbPerMonth > 0 ? Nat(scenario, services, day) : 0,
        scenario.ClientBytesPerConnectionPerSecond > 0 ? InternetEgress(scenario, services, day) : 0);

    /// <summary>"1 gateway", "3 gateways".</summary>
    public static string Plural(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:#,0} {noun}{(count == 1 ? "" : "s")}");
}

/// <summary>A month's traffic lines of one scenario (<see cref="SharedCosts.Traffic"/>).</summary>
internal readonly record struct TrafficCosts(decimal LoadBalancer, decimal Nat, decimal InternetEgress);
