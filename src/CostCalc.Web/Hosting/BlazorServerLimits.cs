using Microsoft.AspNetCore.Components.Server;
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
        return services;
    }
}
