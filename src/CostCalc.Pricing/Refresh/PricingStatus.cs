using CostCalc.Pricing.Live;

namespace CostCalc.Pricing.Refresh;

/// <summary>One refresh attempt: when, why, and how it ended (null while running).</summary>
public sealed record RefreshAttempt(
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt = null,
    bool? Succeeded = null,
    string? SnapshotId = null,
    string? Error = null,
    IReadOnlyList<string>? Problems = null,
    IReadOnlyList<string>? Notes = null);

/// <summary>What /pricing and /api/pricing/status show about the prices in use and their refresh.</summary>
public sealed record PricingStatus(
    string SnapshotId,
    string Source,
    DateOnly AsOf,
    string LoadedFrom,
    DateTimeOffset InUseSince,
    bool Refreshing,
    RefreshProgress? Progress,
    RefreshAttempt? LastAttempt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt,
    string? LastError,
    DateTimeOffset? NextScheduledAt,
    IReadOnlyList<string> StartupNotes);

/// <summary>The answer to a manual refresh request.</summary>
public enum ManualRefresh
{
    Started,
    AlreadyRunning,
    TooSoon,
    Disabled,
}
