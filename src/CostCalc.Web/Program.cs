using CostCalc.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCostCalc();

var app = builder.Build();
if (app.StartupProblem() is { } problem)
{
    // One line naming what and why (e.g. the database path and "read-only"), no stack trace; exit code 1.
    await Console.Error.WriteLineAsync(problem);
    return 1;
}

app.UseCostCalc();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
