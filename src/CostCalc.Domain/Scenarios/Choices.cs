namespace CostCalc.Domain.Scenarios;

/// <summary>How BEAM VMs are laid out on EKS nodes.</summary>
public enum PodLayout
{
    /// <summary>One BEAM pod per node, requesting the node's whole allocatable; no CPU limit.</summary>
    OnePodPerNode,

    /// <summary>Pods of a fixed size (CPU request/limit, memory) packed onto nodes.</summary>
    FixedPodSize,
}

/// <summary>Where the cluster add-ons (CoreDNS, metrics-server) run.</summary>
public enum AddOnPlacement
{
    /// <summary>On the BEAM nodes, in the room their requests leave (one-pod-per-node pods request less to make room).</summary>
    BeamNodes,

    /// <summary>On a small node group of their own.</summary>
    SystemNodes,
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

/// <summary>What stands between the clients and the BEAM VMs (the same on every path).</summary>
public enum LoadBalancer
{
    /// <summary>Clients reach the VMs directly; the BEAM VMs terminate TLS.</summary>
    None,

    /// <summary>Application Load Balancer: terminates TLS, billed per LCU.</summary>
    Alb,

    /// <summary>Network Load Balancer with a TCP listener: TLS passes through to the BEAM VMs, billed per NLCU.</summary>
    Nlb,

    /// <summary>Network Load Balancer with a TLS listener: the NLB terminates TLS, billed per TLS NLCU.</summary>
    NlbTls,
}

public static class LoadBalancerFacts
{
    /// <summary>True when TLS ends on the BEAM VMs: no load balancer, or an NLB passing TCP through.</summary>
    public static bool VmsTerminateTls(this LoadBalancer balancer) => balancer is LoadBalancer.None or LoadBalancer.Nlb;
}

/// <summary>How the EC2 path ships a new release.</summary>
public enum Ec2DeployMethod
{
    /// <summary>Restart each instance in turn: its connections drop once.</summary>
    RollingRestart,

    /// <summary>Release upgrade with hot code loading (appup/relup): processes and sockets survive.</summary>
    HotCodeUpgrade,
}

/// <summary>What the spare capacity (N+k) of every path is counted in.</summary>
public enum SparePolicy
{
    /// <summary>k spare BEAM VMs (pods on EKS), packed like any other; equals machines where a machine runs one VM.</summary>
    Vms,

    /// <summary>k spare machines (instances, nodes, Fargate pods), each with its VMs: today's behaviour.</summary>
    Machines,

    /// <summary>Machines spread evenly over the zones, enough that losing the largest zone still leaves peak capacity.</summary>
    Zone,
}
