namespace CostCalc.Domain.Capacity;

/// <summary>
/// How many schedulers a BEAM VM brings online under a Kubernetes CPU limit. Since OTP 23 (cgroup
/// v1; cgroup v2 since OTP 24) the VM reads the CFS quota — a limit of L millicores is L/1000 CPUs
/// per period — truncates it to whole CPUs, raises 0 to 1, and caps schedulers online to it
/// (erts/lib_src/common/erl_misc_utils.c, calculate_cpu_quota). Without a limit it runs one
/// scheduler per CPU it sees.
/// </summary>
public static class CpuQuota
{
    /// <param name="limitMillicores">The pod's CPU limit; 0 means none.</param>
    /// <param name="visibleCpus">Logical CPUs of the node.</param>
    public static int SchedulersOnline(int limitMillicores, int visibleCpus)
    {
        if (limitMillicores <= 0)
        {
            return visibleCpus;
        }

        var quotaCpus = Math.Max(1, limitMillicores / 1000);
        return Math.Min(quotaCpus, visibleCpus);
    }
}
