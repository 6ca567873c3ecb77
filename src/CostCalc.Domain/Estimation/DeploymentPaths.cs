using CostCalc.Domain.Scenarios;

namespace CostCalc.Domain.Estimation;

/// <summary>The ways to run the service CostCalc compares, in display order.</summary>
public static class DeploymentPaths
{
    public static DeploymentPath Ec2 { get; } = new(PathIds.Ec2, "EC2",
        (s, region, catalog) => new Ec2Plan(s, region, catalog.Find(s.Ec2InstanceType)!),
        ScenarioChoices.Get("ec2InstanceType"));

    public static DeploymentPath Eks { get; } = new(PathIds.Eks, "EKS",
        (s, region, catalog) => new EksPlan(s, region, catalog),
        ScenarioChoices.Get("eksNodeInstanceType"));

    public static DeploymentPath EksFargate { get; } = new(PathIds.EksFargate, "EKS on Fargate",
        (s, region, _) => new EksFargatePlan(s, region));

    public static DeploymentPath EcsEc2 { get; } = new(PathIds.EcsEc2, "ECS on EC2",
        (s, region, catalog) => new EcsEc2Plan(s, region, catalog.Find(s.EcsInstanceType)!),
        ScenarioChoices.Get("ecsInstanceType"));

    public static DeploymentPath EcsFargate { get; } = new(PathIds.EcsFargate, "ECS on Fargate",
        (s, region, _) => new EcsFargatePlan(s, region));

    public static IReadOnlyList<DeploymentPath> BuiltIn { get; } = [Ec2, Eks, EksFargate, EcsEc2, EcsFargate];
}
