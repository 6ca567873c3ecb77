using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;

namespace CostCalc.Web.Hosting;

/// <summary>
/// Blazor Server limits, set deliberately from the "BlazorServer" section of appsettings.json
/// (the reasons are written there). They bound the memory a disconnected or slow client can hold.
/// </summary>
public sealed class BlazorServerLimitsOptions
{
    public int DisconnectedCircuitMaxRetained { get; set; } = 100;
    public int DisconnectedCircuitRetentionSeconds { get; set; } = 180;
    public int JsInteropTimeoutSeconds { get; set; } = 10;
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 10;
    public int MaximumReceiveMessageSizeBytes { get; set; } = 32 * 1024;

    /// <summary>Connected interactive circuits (calculator pages) one client key may hold at once.</summary>
    public int MaxCircuitsPerClient { get; set; } = 20;

    /// <summary>Connected interactive circuits this instance holds at once, every client together.</summary>
    public int MaxCircuits { get; set; } = 500;
}

internal static class BlazorServerLimits
{
    public static IServiceCollection AddBlazorServerLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("BlazorServer").Get<BlazorServerLimitsOptions>() ?? new();
        services.Configure<CircuitOptions>(o =>
        {
            o.DisconnectedCircuitMaxRetained = limits.DisconnectedCircuitMaxRetained;
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(limits.DisconnectedCircuitRetentionSeconds);
            o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(limits.JsInteropTimeoutSeconds);
            o.MaxBufferedUnacknowledgedRenderBatches = limits.MaxBufferedUnacknowledgedRenderBatches;
        });
        services.Configure<HubOptions>(o => o.MaximumReceiveMessageSize = limits.MaximumReceiveMessageSizeBytes);
        if (limits.MaxCircuitsPerClient < 1 || limits.MaxCircuits < 1)
        {
            throw new InvalidOperationException("BlazorServer:MaxCircuitsPerClient and BlazorServer:MaxCircuits must be at least 1.");
        }

        // Caps on connected circuits (CircuitCaps.cs): the interactive root asks when it starts; past a cap it shows a
        // plain notice instead of the page, and pages still being rendered over HTTP are answered 429 with that notice.
        services.AddSingleton(new CircuitLimiter(limits.MaxCircuitsPerClient, limits.MaxCircuits));
        services.AddScoped<CircuitAdmission>();
        services.AddScoped<CircuitHandler, CircuitCapHandler>();
        return services;
    }
}
