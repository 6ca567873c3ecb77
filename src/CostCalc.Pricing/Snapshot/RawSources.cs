namespace CostCalc.Pricing.Snapshot;

/// <summary>One raw data file in raw-data/ (or a table in this project's code) and where it came from (raw-data/README.md).</summary>
internal sealed record RawSource(string File, string Origin, string AsOf)
{
    public string Describe() => $"{File}: {Origin}; data as of {AsOf}";
}

/// <summary>The raw files the builder reads. Update the commits and dates here and in raw-data/README.md after a refresh.</summary>
internal static class RawSources
{
    public static readonly RawSource RegionPrices = new(
        "ec2-prices-linux-by-region.csv",
        "yeo/ec2.shop -> data/ec2/{region}-ondemand.json, -previousgen-ondemand.json, -reservedinstance[-convertible]-{1y,3y}.json @ 73696e38 (2025-04-05), verbatim AWS pricing-page JSON",
        "2025-04-04 (AWS hawkFilePublicationDate 2025-04-04T22:41:22Z)");

    public static readonly RawSource KarpenterUsEast1 = new(
        "ec2-ondemand-prices-us-east-1-karpenter-2026-07-20.csv",
        "aws/karpenter-provider-aws -> pkg/providers/pricing/zz_generated.pricing_aws.go @ 1d927085 (2026-08-21; file last changed 6fc13b52, 2026-07-20)",
        "2026-07-20 (generated at 2026-07-20T13:44:30Z)");

    public static readonly RawSource KarpenterGovCloud = new(
        "ec2-ondemand-linux-karpenter-govcloud-cn.csv",
        "aws/karpenter-provider-aws -> pkg/providers/pricing/zz_generated.pricing_aws_us_gov.go @ 6fc13b52 (2026-07-20)",
        "2026-07-20 (generated at 2026-07-20T13:44:38Z)");

    public static readonly RawSource InstanceTypes = new(
        "ec2-instance-types.csv",
        "getmoto/moto -> moto/ec2/resources/instance_types.json @ 34d6cad5 (2026-08-02)",
        "Aug 2026");

    public static readonly RawSource EksAmiInstanceInfo = new(
        "eks-ami-instance-info.jsonl",
        "awslabs/amazon-eks-ami -> nodeadm/internal/kubelet/instance-info.jsonl @ 81fec2e8 (2026-07-23)",
        "Jul 2026");

    public static readonly RawSource KarpenterEniLimits = new(
        "ec2-eni-limits-and-bandwidth-karpenter.csv",
        "aws/karpenter-provider-aws -> pkg/providers/instancetype/zz_generated.vpclimits.go @ 7f27b4e8 (2026-08-18)",
        "2026-08-06 (generated at 2026-08-06T04:02:42Z)");

    public static readonly RawSource EniMaxPods = new(
        "eni-max-pods.txt",
        "aws/amazon-vpc-cni-k8s -> misc/eni-max-pods.txt @ b5218838 (2026-08-20; file last changed 6152e01c8, 2026-08-11)",
        "Aug 2026");

    public static readonly RawSource SpotAdvisor = new(
        "ec2-spot-advisor.csv",
        "alexei-led/spotinfo -> internal/spot/data/spot-advisor-data.json @ 5eedf20a (2025-06-28), a copy of AWS's spot-advisor-data.json feed",
        "June 2025");

    public static readonly RawSource EbsPrices = new(
        "ebs-prices-by-region.csv",
        "yeo/ec2.shop -> data/ebs/ebs.json @ 576c890f (2024-07-18), verbatim AWS pricing-page JSON",
        "2024-07-18 (AWS hawkFilePublicationDate 2024-07-18T13:53:37Z)");

    public static readonly RawSource ServiceFacts = new(
        "eks-and-related-pricing-facts.csv",
        "hand-collected us-east-1 facts, each row citing its source (AWS Containers blog, AmazonEKS/AWSELB/AmazonEC2 offer files quoted by third parties)",
        "2024-2026 (AmazonEKS offer 20260707152351 for the control plane)");

    public static readonly RawSource BurstableBaselines = new(
        "BurstableBaselines.cs",
        "awsdocs/amazon-ec2-user-guide -> doc_source/burstable-credits-baseline-concepts.md (credits earned per hour / vCPUs / 60)",
        "2026");
}
