using System.Globalization;

namespace CostCalc.LoadProbe;

/// <summary>
/// Command line: [--published DIR] [--changes N] [--circuits N] [--memory-path PATH] [--hold SECONDS].
/// --memory-path opens another page for the circuit reading (e.g. /instances: the ranking tab instead of
/// the charts); --hold keeps the circuits open after it, e.g. for `dotnet-gcdump collect -p PID`.
/// </summary>
internal sealed record DriverOptions(string? PublishedDirectory, int Changes, int Circuits, string MemoryPath, int HoldSeconds)
{
    public static DriverOptions Parse(string[] args)
    {
        string? published = null;
        int changes = 200, circuits = 50, hold = 0;
        var memoryPath = "/";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--published" when i + 1 < args.Length:
                    published = Path.GetFullPath(args[++i]);
                    break;
                case "--changes" when i + 1 < args.Length:
                    changes = Math.Max(0, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--circuits" when i + 1 < args.Length:
                    circuits = Math.Max(0, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--memory-path" when i + 1 < args.Length:
                    memoryPath = args[++i];
                    break;
                case "--hold" when i + 1 < args.Length:
                    hold = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: CostCalc.LoadProbe [--published DIR] [--changes N] [--circuits N] [--memory-path PATH] [--hold SECONDS]");
            }
        }

        return new DriverOptions(published, changes, circuits, memoryPath, hold);
    }
}
