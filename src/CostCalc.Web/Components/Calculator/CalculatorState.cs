using CostCalc.Domain.Estimation;
using CostCalc.Domain.Scenarios;

namespace CostCalc.Web.Components.Calculator;

/// <summary>
/// The calculator's state for one circuit: the scenario, its estimate, and the inputs that are
/// currently invalid. An invalid input never reaches the estimator; the last valid estimate stays.
/// </summary>
public sealed class CalculatorState(Estimator estimator, DateOnly today)
{
    private readonly Dictionary<string, string> _invalidInputs = new(StringComparer.Ordinal);
    private Ranking? _ranking;
    private SensitivityAnalysis? _sensitivity;

    public Estimator Estimator { get; } = estimator;

    public Scenario Scenario { get; private set; } = Scenario.Default;

    public Estimate Estimate { get; private set; } = estimator.Estimate(Scenario.Default, today);

    /// <summary>Inputs the user has typed that cannot be used yet, by field name, with the reason.</summary>
    public IReadOnlyDictionary<string, string> InvalidInputs => _invalidInputs;

    /// <summary>Every instance type ranked for the current scenario; computed when first asked for.</summary>
    public Ranking Ranking => _ranking ??= Estimator.Rank(Scenario);

    /// <summary>What moves the answer for the current estimate (model.md §8.1); computed when first asked for.</summary>
    public SensitivityAnalysis Sensitivity => _sensitivity ??= Estimator.Sensitivity(Estimate);

    public event Action? Changed;

    /// <summary>Uses <paramref name="candidate"/> if it is valid; otherwise keeps the current scenario and returns the problems.</summary>
    public IReadOnlyList<ValidationProblem> TrySet(Scenario candidate)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var problems = Estimator.Validate(candidate);
        if (problems.Count == 0 && candidate != Scenario)
        {
            Scenario = candidate;
            Estimate = Estimator.Estimate(candidate, today);
            _ranking = null;
            _sensitivity = null;
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
