using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Web.Components.Calculator;

/// <summary>
/// The calculator's state for one circuit: the scenario, its estimate, and the inputs that are
/// currently invalid. An invalid input never reaches the estimator; the last valid estimate stays. The results come
/// from <see cref="SharedResults"/>: a circuit showing the same what-if as another holds the same copy.
/// </summary>
public sealed class CalculatorState(Estimator estimator, DateOnly today, SharedResults shared)
{
    private readonly Dictionary<string, string> _invalidInputs = new(StringComparer.Ordinal);
    private WhatIfResults _results = shared.Get(estimator, Scenario.Default, today);

    public Estimator Estimator { get; } = estimator;

    public Scenario Scenario { get; private set; } = Scenario.Default;

    public Estimate Estimate => _results.Estimate;

    /// <summary>Inputs the user has typed that cannot be used yet, by field name, with the reason.</summary>
    public IReadOnlyDictionary<string, string> InvalidInputs => _invalidInputs;

    /// <summary>Every instance type ranked for the current scenario; computed when first asked for.</summary>
    public Ranking Ranking => _results.Ranking;

    /// <summary>What moves the answer for the current estimate (model.md §8.1); computed when first asked for.</summary>
    public SensitivityAnalysis Sensitivity => _results.Sensitivity;

    public event Action? Changed;

    /// <summary>Uses <paramref name="candidate"/> if it is valid; otherwise keeps the current scenario and returns the problems.</summary>
    public IReadOnlyList<ValidationProblem> TrySet(Scenario candidate)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var problems = Estimator.Validate(candidate);
        if (problems.Count == 0 && candidate != Scenario)
        {
            Scenario = candidate;
            _results = shared.Get(Estimator, candidate, today);
            Changed?.Invoke();
            CalculatorMetrics.RecordUpdate(started);
        }

        return problems;
    }

    public void MarkInvalid(string field, string reason)
    {
        _invalidInputs[field] = reason;
        Changed?.Invoke();
    }

    public void MarkValid(string field)
    {
        if (_invalidInputs.Remove(field))
        {
            Changed?.Invoke();
        }
    }
}
