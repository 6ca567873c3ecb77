namespace CostCalc.E2E.Infrastructure;

/// <summary>Where tests write files for people to look at (screenshots): COSTCALC_E2E_ARTIFACTS or TestResults/ next to the test assembly.</summary>
public static class Artifacts
{
    public static string Folder(string name)
    {
        var root = Environment.GetEnvironmentVariable("COSTCALC_E2E_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults");
        var folder = Path.GetFullPath(Path.Combine(root, name));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
