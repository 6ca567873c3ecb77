namespace CostCalc.Domain.Scenarios;

/// <summary>How BEAM VMs are laid out on EKS nodes.</summary>
public enum PodLayout
{
    /// <summary>One BEAM pod per node, requesting the node's whole allocatable; no CPU limit.</summary>
    OnePodPerNode,

    /// <summary>Pods of a fixed size (CPU request/limit, memory) packed onto nodes.</summary>
    FixedPodSize,
}

public enum MaxPodsMode
{
    Eni,
    PrefixDelegation,
    Fixed,
}

public enum SupportTier
{
    Standard,
    Extended,
}

public enum LoadBalancer
{
    None,
    Alb,
}

/// <summary>How the EC2 path ships a new release.</summary>
public enum Ec2DeployMethod
{
    /// <summary>Release upgrade with hot code loading: processes and sockets survive.</summary>
    HotCodeUpgrade,

    /// <summary>Restart each instance in turn: its connections drop once.</summary>
    RollingRestart,
}
