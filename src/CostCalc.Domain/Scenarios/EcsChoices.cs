namespace CostCalc.Domain.Scenarios;

/// <summary>How BEAM tasks are laid out on ECS container instances (docs/model.md §11.2).</summary>
public enum EcsTaskLayout
{
    /// <summary>One BEAM task per container instance, using what the instance has left after the OS, agents and ECS's own agent.</summary>
    OneTaskPerInstance,

    /// <summary>Tasks of a fixed size (task-level CPU units and memory) packed onto the instances.</summary>
    FixedTaskSize,
}

/// <summary>The task network mode of ECS on EC2, which limits the tasks an instance can run (docs/model.md §11.3).</summary>
public enum EcsNetworkMode
{
    /// <summary>Each task has its own ENI: at most ENIs − 1 tasks an instance.</summary>
    Awsvpc,

    /// <summary>awsvpc with ENI trunking (supported types only): the trunking task limit of the type.</summary>
    AwsvpcTrunking,

    /// <summary>Docker's bridge: no ENI per task, ports mapped on the host.</summary>
    Bridge,

    /// <summary>The host's network: no ENI per task, but one task of a task definition per instance.</summary>
    Host,
}

/// <summary>How the BEAM nodes of an ECS service find each other for Erlang distribution (docs/model.md §11.5).</summary>
public enum EcsNodeDiscovery
{
    /// <summary>ECS service discovery: every task registered in AWS Cloud Map (DNS records), billed per registered instance.</summary>
    CloudMap,

    /// <summary>The ECS API (ListTasks / DescribeTasks, e.g. libcluster_ecs): no Cloud Map registration.</summary>
    EcsApi,
}
