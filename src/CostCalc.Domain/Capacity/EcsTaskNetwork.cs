using System.Collections.Frozen;
using CostCalc.Domain.Catalog;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Capacity;

/// <summary>
/// How many ECS tasks a container instance can run under a network mode (docs/model.md §11.3). In awsvpc mode
/// every task takes an ENI of its own and the instance's primary ENI counts too, so an instance runs ENIs − 1
/// tasks (c5.large, 3 ENIs: 2). With ENI trunking, supported types run the number the ECS developer guide lists
/// for them. Bridge and host modes attach no ENI per task; host mode runs one task of a task definition per
/// instance, as every task binds the same host ports.
/// </summary>
public static class EcsTaskNetwork
{
    /// <summary>Tasks an instance runs with no limit from the network (bridge mode).</summary>
    public const long Unlimited = long.MaxValue;

    /// <summary>
    /// awsvpc task limits with awsvpcTrunking, from the table "Supported Amazon EC2 instance types" of the ECS
    /// developer guide (awsdocs/amazon-ecs-developer-guide @ 49232cf2, doc_source/container-instance-eni.md),
    /// less the families and types the same page says are not supported (c5n, m5n, m5zn, r5b, r5dn, u-6tb1, c5a.8xlarge, …).
    /// </summary>
    private static readonly FrozenDictionary<string, int> TrunkingLimits = Build(
    [
        ("a1", [("medium", 10), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60)]),
        ("m5", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120)]),
        ("m5a", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120)]),
        ("m5ad", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120)]),
        ("m5d", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120), ("metal", 120)]),
        ("m6a", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("48xlarge", 120), ("metal", 120)]),
        ("m6g", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("m6gd", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("m6i", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("m6id", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("m6idn", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("m6in", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("m7g", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("mac2", [("metal", 12)]),
        ("c5", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("9xlarge", 60), ("12xlarge", 60), ("18xlarge", 120), ("24xlarge", 120)]),
        ("c5a", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120)]),
        ("c5ad", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120)]),
        ("c5d", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("9xlarge", 60), ("12xlarge", 60), ("18xlarge", 120), ("24xlarge", 120)]),
        ("c6a", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("48xlarge", 120), ("metal", 120)]),
        ("c6g", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("c6gd", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("c6gn", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120)]),
        ("c6i", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("c6id", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("c6in", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("c7g", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("hpc6a", [("48xlarge", 120)]),
        ("hpc6id", [("32xlarge", 120)]),
        ("r5", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120)]),
        ("r5a", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120)]),
        ("r5ad", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120)]),
        ("r5d", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("24xlarge", 120)]),
        ("r6a", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("48xlarge", 120), ("metal", 120)]),
        ("r6g", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("r6gd", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("r6i", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("r6idn", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("r6in", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("r6id", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("r7g", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("u-3tb1", [("56xlarge", 12)]),
        ("u-18tb1", [("metal", 12)]),
        ("u-24tb1", [("metal", 12)]),
        ("x2gd", [("medium", 10), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("12xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("x2idn", [("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("x2iedn", [("xlarge", 13), ("2xlarge", 29), ("4xlarge", 60), ("8xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("32xlarge", 120), ("metal", 120)]),
        ("x2iezn", [("2xlarge", 64), ("4xlarge", 120), ("6xlarge", 120), ("8xlarge", 120), ("12xlarge", 120), ("metal", 120)]),
        ("i4i", [("large", -2), ("xlarge", 8), ("2xlarge", 28), ("4xlarge", 58), ("8xlarge", 118), ("16xlarge", 248), ("32xlarge", 498), ("metal", 498)]),
        ("im4gn", [("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("16xlarge", 120)]),
        ("is4gen", [("medium", 4), ("large", 10), ("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60)]),
        ("dl1", [("24xlarge", 120)]),
        ("g4ad", [("xlarge", 12), ("2xlarge", 12), ("4xlarge", 12), ("8xlarge", 12), ("16xlarge", 12)]),
        ("g5", [("xlarge", 6), ("2xlarge", 19), ("4xlarge", 40), ("8xlarge", 90), ("12xlarge", 120), ("16xlarge", 120), ("24xlarge", 120), ("48xlarge", 120)]),
        ("g5g", [("xlarge", 20), ("2xlarge", 40), ("4xlarge", 60), ("8xlarge", 60), ("16xlarge", 120), ("metal", 120)]),
        ("inf2", [("xlarge", 20), ("8xlarge", 90), ("24xlarge", 120), ("48xlarge", 120)]),
        ("p3", [("2xlarge", 40), ("8xlarge", 60), ("16xlarge", 120)]),
        ("p4d", [("24xlarge", 120)]),
        ("p4de", [("24xlarge", 120)]),
        ("trn1", [("2xlarge", 19), ("32xlarge", 120)]),
        ("trn1n", [("32xlarge", 242)]),
        ("vt1", [("3xlarge", 40), ("6xlarge", 60), ("24xlarge", 120)]),
    ]);

    /// <summary>The tasks an instance of <paramref name="type"/> runs in <paramref name="mode"/>; 0 when it runs none.</summary>
    public static long TaskLimit(InstanceType type, EcsNetworkMode mode)
    {
        ArgumentNullException.ThrowIfNull(type);
        return mode switch
        {
            EcsNetworkMode.Awsvpc => Math.Max(0, type.MaxEnis - 1),
            EcsNetworkMode.AwsvpcTrunking => TrunkingLimit(type) ?? 0,
            EcsNetworkMode.Host => 1,
            _ => Unlimited,
        };
    }

    /// <summary>The type's awsvpc task limit with ENI trunking, or null when trunking does not support it.</summary>
    public static int? TrunkingLimit(InstanceType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return TrunkingLimits.TryGetValue(type.Name, out var limit) ? limit : null;
    }

    /// <summary>Why the mode cannot run one task on the type, or null when it can.</summary>
    public static string? Refusal(InstanceType type, EcsNetworkMode mode)
    {
        ArgumentNullException.ThrowIfNull(type);
        return mode switch
        {
            EcsNetworkMode.Awsvpc when type.MaxEnis < 2 =>
                $"In awsvpc mode every task needs an ENI besides the instance's primary one, and {type.Name} has {(type.MaxEnis <= 0 ? "no ENI data" : "only 1 ENI")}: choose another type or the bridge or host mode.",
            EcsNetworkMode.AwsvpcTrunking when TrunkingLimit(type) is null =>
                $"ENI trunking does not support {type.Name} (the ECS developer guide lists the supported types): choose a supported type (e.g. m6i, c6i, r6i, m7g) or awsvpc without trunking.",
            _ => null,
        };
    }

    private static FrozenDictionary<string, int> Build((string Family, (string Size, int Tasks)[] Sizes)[] families)
    {
        var limits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (family, sizes) in families)
        {
            foreach (var (size, tasks) in sizes)
            {
                limits[family + "." + size] = tasks;
            }
        }

        return limits.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
