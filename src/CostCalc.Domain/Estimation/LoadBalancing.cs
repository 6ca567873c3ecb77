using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>
/// What the load balancer bills for the traffic at a moment. ALB and NLB are billed per hour plus
/// capacity units, each unit being the largest of three dimensions: new connections a second,
/// active connections, GB processed an hour (docs/model.md §1.4). With no load balancer or an NLB
/// TCP listener the BEAM VMs terminate TLS themselves and pay a handshake's CPU per new connection.
/// </summary>
public static class LoadBalancing
{
    /// <summary>How much of each dimension one capacity unit covers.</summary>
    public sealed record UnitSize(string Unit, double NewConnectionsPerSecond, double ActiveConnections, double GbPerHour);

    public static UnitSize AlbLcu { get; } = new("LCU", 25, 3_000, 1);

    public static UnitSize NlbTcpNlcu { get; } = new("NLCU", 800, 100_000, 1);

    public static UnitSize NlbTlsNlcu { get; } = new("NLCU", 50, 3_000, 1);

    /// <summary>The capacity unit of a load balancer, or null with none.</summary>
    public static UnitSize? Unit(LoadBalancer balancer) => balancer switch
    {
        LoadBalancer.Alb => AlbLcu,
        LoadBalancer.Nlb => NlbTcpNlcu,
        LoadBalancer.NlbTls => NlbTlsNlcu,
        _ => null,
    };

    /// <summary>
    /// New connections a second at this many connections: the scenario's rate at its peak, scaled with
    /// the connection count (connections keep the same average lifetime as the service grows).
    /// </summary>
    public static double NewConnectionsPerSecond(Scenario scenario, double connections) =>
        scenario.PeakConnections <= 0 ? 0 : scenario.NewConnectionsPerSecond * connections / scenario.PeakConnections;

    /// <summary>GB an hour the load balancer processes: every message of every connection passes it once.</summary>
    public static double GbPerHour(Scenario scenario, double connections) =>
        connections * scenario.MessagesPerConnectionPerSecond * scenario.BytesPerMessage * 3600 / Billing.BytesPerGb;

    /// <summary>The three dimensions in units, in the order new connections, active connections, processed bytes.</summary>
    public static (double New, double Active, double Bytes) Dimensions(UnitSize unit, Scenario scenario, double connections) =>
        (NewConnectionsPerSecond(scenario, connections) / unit.NewConnectionsPerSecond,
         connections / unit.ActiveConnections,
         GbPerHour(scenario, connections) / unit.GbPerHour);

    /// <summary>Capacity units billed each hour: the largest dimension.</summary>
    public static double CapacityUnits(UnitSize unit, Scenario scenario, double connections)
    {
        var (fresh, active, bytes) = Dimensions(unit, scenario, connections);
        return Math.Max(Math.Max(fresh, active), bytes);
    }

    /// <summary>The dimension that sets the bill, as a cost line names it.</summary>
    public static string Binding(UnitSize unit, Scenario scenario, double connections)
    {
        var (fresh, active, bytes) = Dimensions(unit, scenario, connections);
        return bytes >= active && bytes >= fresh ? "processed bytes" : active >= fresh ? "active connections" : "new connections";
    }

    /// <summary>The balancer's $ an hour and $ per capacity unit-hour.</summary>
    public static (decimal PerHour, decimal PerUnitHour) Rates(LoadBalancer balancer, ServicePrices services) => balancer switch
    {
        LoadBalancer.Alb => (services.AlbUsdPerHour, services.AlbUsdPerLcuHour),
        LoadBalancer.Nlb or LoadBalancer.NlbTls => (services.Nlb.UsdPerHour, services.Nlb.UsdPerNlcuHour),
        _ => (0, 0),
    };

    /// <summary>The balancer's price for one hour at this many connections: its hourly fee plus its capacity units that hour.</summary>
    public static decimal UsdPerHour(Scenario scenario, ServicePrices services, double connections)
    {
        if (Unit(scenario.LoadBalancer) is not { } unit)
        {
            return 0;
        }

        var (perHour, perUnitHour) = Rates(scenario.LoadBalancer, services);
        return perHour + (perUnitHour * (decimal)CapacityUnits(unit, scenario, connections));
    }

    public static string Name(LoadBalancer balancer) => balancer switch
    {
        LoadBalancer.Alb => "Application Load Balancer",
        LoadBalancer.Nlb => "Network Load Balancer (TCP)",
        LoadBalancer.NlbTls => "Network Load Balancer (TLS)",
        _ => "No load balancer",
    };
}
