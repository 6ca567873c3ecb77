using System.Collections.Concurrent;
using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Web.Components.Calculator;

/// <summary>
/// What the calculator shows for a what-if, worked out once per process and shared by every circuit showing the same
/// what-if on the same prices and day: the landing page's default scenario, or a link a team opens together. An
/// estimate, its ranking and its sensitivity analysis are pure functions of (estimator, scenario, day) and immutable,
/// so sharing them changes no figure; it saves each circuit computing and holding its own copy (and the charts drawn
/// from them, see <see cref="Charts.DrawnOnce"/>). Bounded: past <see cref="Capacity"/> the oldest what-ifs are forgotten
/// here, while a circuit showing one keeps it.
/// </summary>
public sealed class SharedResults
{
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<Key, WhatIfResults> _entries = new();
    private readonly ConcurrentQueue<Key> _order = new();

    public WhatIfResults Get(Estimator estimator, Scenario scenario, DateOnly day)
    {
        var key = new Key(estimator, scenario, day);
        if (_entries.TryGetValue(key, out var shared))
        {
            return shared;
        }

        // Two circuits asking at once may both compute; the first stored wins and the other copy is dropped.
        var made = new WhatIfResults(estimator, scenario, day);
        if (!_entries.TryAdd(key, made))
        {
            return _entries.TryGetValue(key, out shared) ? shared : made;
        }

        _order.Enqueue(key);
        while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _entries.TryRemove(oldest, out _);
        }

        return made;
    }

    /// <summary>The estimator by reference (a new price snapshot is a new estimator), the scenario and day by value.</summary>
    private readonly record struct Key(Estimator Estimator, Scenario Scenario, DateOnly Day);
}

/// <summary>One what-if's estimate, with its ranking and sensitivity worked out when first read (thread-safe).</summary>
public sealed class WhatIfResults
{
    private readonly Lazy<Ranking> _ranking;
    private readonly Lazy<SensitivityAnalysis> _sensitivity;

    public WhatIfResults(Estimator estimator, Scenario scenario, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        Estimate = estimator.Estimate(scenario, day);
        _ranking = new(() => estimator.Rank(scenario));
        _sensitivity = new(() => estimator.Sensitivity(Estimate));
    }

    public Estimate Estimate { get; }

    public Ranking Ranking => _ranking.Value;

    public SensitivityAnalysis Sensitivity => _sensitivity.Value;
}
