using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CostCalc.Web.Hosting;

/// <summary>
/// Blazor Server limits, set deliberately from the "BlazorServer" section of appsettings.json
/// (the reasons are written there). They bound the memory a disconnected or slow client can hold.
/// </summary>
public sealed class BlazorServerLimitsOptions
{
    public const string Section = "BlazorServer";

    public int DisconnectedCircuitMaxRetained { get; set; } = 100;
    public int DisconnectedCircuitRetentionSeconds { get; set; } = 180;
    public int JsInteropTimeoutSeconds { get; set; } = 10;
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 10;
    public int MaximumReceiveMessageSizeBytes { get; set; } = 32 * 1024;

    /// <summary>Connected interactive circuits (calculator pages) one client key may hold at once.</summary>
    public int MaxCircuitsPerClient { get; set; } = 20;

    /// <summary>Connected interactive circuits this instance holds at once, every client together.</summary>
    public int MaxCircuits { get; set; } = 500;

    /// <summary>What is wrong with these settings, one sentence per setting naming it; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void AtLeast(string name, int value, int minimum)
        {
            if (value < minimum)
            {
                problems.Add($"{Section}:{name} must be at least {minimum} (got {value}).");
            }
        }

        AtLeast(nameof(MaxCircuitsPerClient), MaxCircuitsPerClient, 1);
        AtLeast(nameof(MaxCircuits), MaxCircuits, 1);
        AtLeast(nameof(DisconnectedCircuitMaxRetained), DisconnectedCircuitMaxRetained, 0);
        AtLeast(nameof(DisconnectedCircuitRetentionSeconds), DisconnectedCircuitRetentionSeconds, 0);
        AtLeast(nameof(JsInteropTimeoutSeconds), JsInteropTimeoutSeconds, 1);
        AtLeast(nameof(MaxBufferedUnacknowledgedRenderBatches), MaxBufferedUnacknowledgedRenderBatches, 1);
        AtLeast(nameof(MaximumReceiveMessageSizeBytes), MaximumReceiveMessageSizeBytes, 1024);
        return problems;
    }
}

internal sealed class BlazorServerLimitsValidator : IValidateOptions<BlazorServerLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, BlazorServerLimitsOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

internal static class BlazorServerLimits
{
    public static IServiceCollection AddBlazorServerLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound and validated when first read: a bad value stops start-up with one line (CostCalcHosting.StartupProblem).
        services.AddOptions<BlazorServerLimitsOptions>().Bind(configuration.GetSection(BlazorServerLimitsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BlazorServerLimitsOptions>, BlazorServerLimitsValidator>();
        services.AddOptions<CircuitOptions>().Configure<IOptions<BlazorServerLimitsOptions>>((o, limits) =>
        {
            o.DisconnectedCircuitMaxRetained = limits.Value.DisconnectedCircuitMaxRetained;
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(limits.Value.DisconnectedCircuitRetentionSeconds);
            o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(limits.Value.JsInteropTimeoutSeconds);
            o.MaxBufferedUnacknowledgedRenderBatches = limits.Value.MaxBufferedUnacknowledgedRenderBatches;
        });
        services.AddOptions<HubOptions>().Configure<IOptions<BlazorServerLimitsOptions>>((o, limits) =>
            o.MaximumReceiveMessageSize = limits.Value.MaximumReceiveMessageSizeBytes);

        // Caps on connected circuits (CircuitCaps.cs): the interactive root asks when it starts; past a cap it shows a
        // plain notice instead of the page, and pages still being rendered over HTTP are answered 429 with that notice.
        services.AddSingleton(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<BlazorServerLimitsOptions>>().Value;
            return new CircuitLimiter(limits.MaxCircuitsPerClient, limits.MaxCircuits, sp.GetRequiredService<ILogger<CircuitLimiter>>());
        });
        services.AddScoped<CircuitAdmission>();
        services.AddScoped<CircuitHandler, CircuitCapHandler>();
        return services;
    }
}
