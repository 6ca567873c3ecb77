using System.Globalization;

namespace CostCalc.LoadProbe;

/// <summary>What Linux says about a process in /proc/PID/status.</summary>
internal static class ProcStatus
{
    /// <summary>VmRSS of the process, in bytes.</summary>
    public static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }
}
