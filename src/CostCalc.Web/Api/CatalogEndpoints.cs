using CostCalc.Domain.Capacity;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Prices;
using CostCalc.Domain.Scenarios;
using CostCalc.Web.Pricing;

namespace CostCalc.Web.Api;

public sealed record RegionSummary(
    string Code, string Name, DateOnly PricesAsOf, int InstanceTypes, bool ServicePricesRegional, bool Gp3PricesRegional,
    IReadOnlyList<DataOrigin> Origins);

public sealed record InstanceTypeSummary(
    string Name, string Family, int Generation, int Vcpu, int MemoryMiB, string Architecture, bool Burstable,
    double? BurstableBaselinePerVcpu, decimal OnDemandUsdPerHour, decimal? ReservedStandard1YearUsdPerHour,
    decimal? ReservedStandard3YearUsdPerHour, decimal? SpotUsdPerHour, int MaxPodsEni, int MaxPodsPrefixDelegation);

public sealed record NodeOverheadResponse(
    string Region, string InstanceType, string MaxPodsMode, int MaxPods, int CapacityCpuMillicores, int CapacityMemoryMiB,
    int VmOverheadMemoryMiB, int KubeReservedCpuMillicores, int KubeReservedMemoryMiB, int EvictionHardMemoryMiB,
    int AllocatableCpuMillicores, int AllocatableMemoryMiB, IReadOnlyList<string> Sources);

/// <summary>GET endpoints over the catalog and the price book.</summary>
internal static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Catalog");
        api.MapGet("/regions", Regions).WithSummary("Regions with their prices' dates and origins");
        api.MapGet("/instance-types", InstanceTypes)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Instance types priced in a region (default us-east-1)");
        api.MapGet("/eks/node-overhead", NodeOverheadOf)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem()
            .WithSummary("What an EKS node keeps for itself before DaemonSets");
    }

    public static string ArchitectureName(CpuArchitecture architecture) =>
        architecture == CpuArchitecture.Arm64 ? "arm64" : "x86_64";

    private static IReadOnlyList<RegionSummary> Regions(CurrentPrices prices) =>
        [.. prices.Estimator.Prices.Regions.Select(r => new RegionSummary(r.Region.Code, r.Region.Name, r.AsOf,
            r.InstanceTypeNames.Count, r.Services.RegionScoped, r.Gp3.RegionScoped, r.Origins))];

    private static IResult InstanceTypes(CurrentPrices prices, string? region = "us-east-1")
    {
        var estimator = prices.Estimator;
        if (estimator.Prices.Find(region ?? "us-east-1") is not { } book)
        {
            return UnknownRegion(region);
        }

        var types = book.InstanceTypeNames
            .Select(estimator.Catalog.Find)
            .OfType<InstanceType>()
            .Select(t => Summarize(t, book.Find(t.Name)!))
            .ToList();
        return TypedResults.Ok(types);
    }

    private static InstanceTypeSummary Summarize(InstanceType t, InstancePrice p) => new(
        t.Name, t.Family, t.Generation, t.Vcpu, t.MemoryMiB, ArchitectureName(t.Architecture), t.IsBurstable,
        t.BurstableBaselinePerVcpu, p.OnDemandUsdPerHour, p.ReservedStandard1YearUsdPerHour, p.ReservedStandard3YearUsdPerHour,
        p.UsdPerHour(PurchaseOption.Spot), MaxPods.Eni(t), MaxPods.PrefixDelegation(t));

    private static IResult NodeOverheadOf(CurrentPrices prices, string? instanceType, string? region = "us-east-1",
        string? maxPodsMode = "eni", int? fixedMaxPods = null)
    {
        var estimator = prices.Estimator;
        if (estimator.Prices.Find(region ?? "us-east-1") is null)
        {
            return UnknownRegion(region);
        }

        if (string.IsNullOrWhiteSpace(instanceType) || estimator.Catalog.Find(instanceType) is not { } type)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown instance type",
                detail: $"No instance type '{instanceType}' in the catalog.");
        }

        MaxPodsMode? mode = maxPodsMode?.ToUpperInvariant() switch
        {
            "ENI" => MaxPodsMode.Eni,
            "PREFIX" or "PREFIXDELEGATION" => MaxPodsMode.PrefixDelegation,
            "FIXED" => MaxPodsMode.Fixed,
            _ => null,
        };
        if (mode is null || (mode == MaxPodsMode.Fixed && fixedMaxPods is not (>= 1 and <= 1000)))
        {
            return ScenarioBody.Invalid(new Dictionary<string, string[]>
            {
                [mode is null ? "maxPodsMode" : "fixedMaxPods"] = [mode is null
                    ? "maxPodsMode must be one of: eni, prefix, fixed."
                    : "fixedMaxPods must be between 1 and 1,000 pods when maxPodsMode is fixed."],
            });
        }

        var o = NodeOverhead.For(type, mode.Value, fixedMaxPods ?? MaxPods.KubeletDefault);
        return TypedResults.Ok(new NodeOverheadResponse(region!, type.Name, maxPodsMode!.ToLowerInvariant(), o.MaxPods,
            o.CapacityCpuMillicores, o.CapacityMemoryMiB, o.VmOverheadMemoryMiB, o.KubeReservedCpuMillicores, o.KubeReservedMemoryMiB,
            o.EvictionHardMemoryMiB, o.AllocatableCpuMillicores, o.AllocatableMemoryMiB,
            [Sources.KarpenterVmOverhead, Sources.KubeReserved, Sources.Eviction,
             mode == MaxPodsMode.PrefixDelegation ? Sources.MaxPodsPrefix : Sources.MaxPodsEni]));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownRegion(string? region) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown region",
            detail: $"No prices for region '{region}'. GET /api/regions lists the known regions.");
}
