using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace CostCalc.Web.Tests.TestSupport;

/// <summary>The real app and HTTP pipeline, with the repository root as content root.</summary>
public sealed class CostCalcFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(".", solutionName: "CostCalc.sln");
        builder.UseEnvironment("Production");
    }
}
