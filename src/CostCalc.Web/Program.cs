using CostCalc.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCostCalc();

var app = builder.Build();
app.UseCostCalc();
app.Run();

/// <summary>The web host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
