using System.Globalization;
using CostCalc.Domain.Prices;

namespace CostCalc.Domain.Scenarios;

/// <summary>What a member of a list item holds.</summary>
public enum ListColumnKind
{
    Text,
    Number,

    /// <summary>A path id of the calculator.</summary>
    Path,
}

/// <summary>One member of a list input's items: its JSON/URL name, label, kind and unit; optional members may be left out.</summary>
public sealed record ListColumn(string Name, string Label, ListColumnKind Kind, string Unit = "", bool Optional = false);

/// <summary>
/// What the UI, the URL, saved reports, validation, the API schema and the PDF say about one list input (items of
/// several members, e.g. rate overrides): its label, members, source, and how to read, write and check it. Items
/// are read and written as their members' text (invariant numbers; a missing member is absent), as in the URL.
/// </summary>
public sealed record ScenarioList(
    string Name,
    FieldGroup Group,
    string Label,
    string Source,
    string ItemHelp,
    IReadOnlyList<ListColumn> Columns,
    Func<Scenario, IReadOnlyList<IReadOnlyDictionary<string, string>>> Read,
    Func<Scenario, IReadOnlyList<IReadOnlyDictionary<string, string>>, Scenario> Write)
{
    public const int MaxItems = 50;

    /// <summary>Appends this list's problems, each naming the item and member ("rateOverrides[1].rate").</summary>
    public required Action<Scenario, RegionPrices?, IReadOnlyCollection<string>, List<ValidationProblem>> Check { get; init; }

    /// <summary>One line per item for the PDF and notes: "m6i.large onDemand: $0.08/h".</summary>
    public required Func<Scenario, IReadOnlyList<string>> Describe { get; init; }

    public int Count(Scenario scenario) => Read(scenario).Count;

    /// <summary>The scenario without item <paramref name="index"/> (a link's bad item is dropped alone).</summary>
    public Scenario Without(Scenario scenario, int index) =>
        Write(scenario, [.. Read(scenario).Where((_, i) => i != index)]);

    /// <summary>"rateOverrides[1].rate".</summary>
    public string Member(int index, string column) => string.Create(CultureInfo.InvariantCulture, $"{Name}[{index}].{column}");
}

/// <summary>The list inputs of a <see cref="Scenario"/>, in the order the calculator shows them.</summary>
public static class ScenarioLists
{
    public const string RateOverridesName = "rateOverrides";
    public const string FixedCostsName = "fixedCosts";

    /// <summary>The largest USD amount an item may give.</summary>
    public const decimal MaxUsd = 100_000_000;

    private const int MaxNameLength = 80;

    public static IReadOnlyList<ScenarioList> All { get; } =
    [
        new(RateOverridesName, FieldGroup.YourPrices, "Rate overrides", Sources.YourRates,
            "Name the rate as a cost line does: \"m6i.large onDemand\" (any purchase option but spot, which follows on-demand), \"EKS control plane\", \"ALB LCU\", \"NLB NLCU\", \"NAT GB\", \"egress tier 1\", \"EBS gp3 GB\"; give usdPerHour for hourly rates, usdPerUnit for per-GB ones.",
            [
                new("rate", "Rate", ListColumnKind.Text),
                new("usdPerHour", "USD per hour", ListColumnKind.Number, "USD/h", Optional: true),
                new("usdPerUnit", "USD per unit", ListColumnKind.Number, "USD/unit", Optional: true),
            ],
            s => [.. s.RateOverrides.Select(o => Row(("rate", o?.Rate), ("usdPerHour", Text(o?.UsdPerHour)), ("usdPerUnit", Text(o?.UsdPerUnit))))],
            (s, rows) => s with
            {
                RateOverrides = ItemList.Of<RateOverride>(rows.Select(r => new RateOverride(Get(r, "rate") ?? "", Number(r, "usdPerHour"), Number(r, "usdPerUnit")))),
            })
        {
            Check = CheckRateOverrides,
            Describe = s => [.. s.RateOverrides.Select(o => o is null ? "?" : string.Create(CultureInfo.InvariantCulture,
                $"{o.Rate}: ${o.Usd:0.######}{(o.UsdPerHour is not null ? "/h" : "/unit")}"))],
        },
        new(FixedCostsName, FieldGroup.YourPrices, "Fixed costs of your own", Sources.YourRates,
            "A cost AWS does not bill (support contract, monitoring licence, platform fee) on one path: usdPerMonth, or usdPerMachineMonth per instance, node or Fargate pod.",
            [
                new("name", "Name", ListColumnKind.Text),
                new("path", "Path", ListColumnKind.Path),
                new("usdPerMonth", "USD per month", ListColumnKind.Number, "USD/month", Optional: true),
                new("usdPerMachineMonth", "USD per machine-month", ListColumnKind.Number, "USD/machine-month", Optional: true),
            ],
            s => [.. s.FixedCosts.Select(c => Row(("name", c?.Name), ("path", c?.Path), ("usdPerMonth", Text(c?.UsdPerMonth)), ("usdPerMachineMonth", Text(c?.UsdPerMachineMonth))))],
            (s, rows) => s with
            {
                FixedCosts = ItemList.Of<FixedCost>(rows.Select(r => new FixedCost(Get(r, "name") ?? "", Get(r, "path") ?? "", Number(r, "usdPerMonth"), Number(r, "usdPerMachineMonth")))),
            })
        {
            Check = CheckFixedCosts,
            Describe = s => [.. s.FixedCosts.Select(c => c is null ? "?" : string.Create(CultureInfo.InvariantCulture,
                $"{c.Name} ({c.Path}): ${c.UsdPerMonth ?? c.UsdPerMachineMonth:#,0.##}{(c.UsdPerMonth is not null ? "/month" : " per machine-month")}"))],
        },
    ];

    public static ScenarioList? Find(string name) => All.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    private static void CheckRateOverrides(Scenario s, RegionPrices? region, IReadOnlyCollection<string> paths, List<ValidationProblem> problems)
    {
        var list = All[0];
        var items = s.RateOverrides;
        if (items is null)
        {
            problems.Add(new(list.Name, "Must be a list of {rate, usdPerHour | usdPerUnit} (it may be empty)."));
            return;
        }

        if (items.Count > ScenarioList.MaxItems)
        {
            problems.Add(new(list.Name, $"At most {ScenarioList.MaxItems} rate overrides."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                problems.Add(new($"{list.Name}[{i}]", "Must be an object {rate, usdPerHour | usdPerUnit}."));
                continue;
            }

            if (region is null)
            {
                continue;
            }

            if (PriceRates.Find(region, item.Rate) is not { } rate)
            {
                problems.Add(new(list.Member(i, "rate"), UnknownRate(item.Rate, region)));
                continue;
            }

            if (!seen.Add(rate.Name))
            {
                problems.Add(new(list.Member(i, "rate"), $"'{rate.Name}' is overridden more than once: give each rate once."));
            }

            var wrong = rate.Unit == RateUnit.Hour ? "usdPerUnit" : "usdPerHour";
            var given = rate.Unit == RateUnit.Hour ? item.UsdPerHour : item.UsdPerUnit;
            var other = rate.Unit == RateUnit.Hour ? item.UsdPerUnit : item.UsdPerHour;
            if (given is null || other is not null)
            {
                problems.Add(new(list.Member(i, other is not null ? wrong : rate.Member),
                    $"'{rate.Name}' is priced {rate.UnitText}: give {rate.Member}{(other is not null ? $" and not {wrong}" : "")}."));
            }
            else if (given < 0 || given > MaxUsd)
            {
                problems.Add(new(list.Member(i, rate.Member), string.Create(CultureInfo.InvariantCulture, $"Must be between 0 and {MaxUsd:#,0} USD.")));
            }
        }
    }

    private static string UnknownRate(string? name, RegionPrices region) =>
        $"Unknown rate '{name}'. Name it as cost lines do: \"<instance type> <purchase option>\" for a type priced in {region.Region.Code} "
        + $"(e.g. \"m6i.large onDemand\"; options: {string.Join(", ", PriceRates.OverridableOptions.Select(o => ScenarioChoice.ApiName(o)))}), "
        + $"or one of: {string.Join(", ", PriceRates.Services.Select(r => r.Name))}.";

    private static void CheckFixedCosts(Scenario s, RegionPrices? region, IReadOnlyCollection<string> paths, List<ValidationProblem> problems)
    {
        var list = All[1];
        var items = s.FixedCosts;
        if (items is null)
        {
            problems.Add(new(list.Name, "Must be a list of {name, path, usdPerMonth | usdPerMachineMonth} (it may be empty)."));
            return;
        }

        if (items.Count > ScenarioList.MaxItems)
        {
            problems.Add(new(list.Name, $"At most {ScenarioList.MaxItems} fixed costs."));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                problems.Add(new($"{list.Name}[{i}]", "Must be an object {name, path, usdPerMonth | usdPerMachineMonth}."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Length > MaxNameLength || item.Name.Any(char.IsControl))
            {
                problems.Add(new(list.Member(i, "name"), $"Must be a name of 1 to {MaxNameLength} characters."));
            }

            if (item.Path is null || !paths.Contains(item.Path))
            {
                problems.Add(new(list.Member(i, "path"), $"Unknown path '{item.Path}'. Paths: {string.Join(", ", paths)}."));
            }

            if ((item.UsdPerMonth is null) == (item.UsdPerMachineMonth is null))
            {
                problems.Add(new(list.Member(i, item.UsdPerMonth is null ? "usdPerMonth" : "usdPerMachineMonth"),
                    "Give exactly one of usdPerMonth and usdPerMachineMonth."));
            }
            else if ((item.UsdPerMonth ?? item.UsdPerMachineMonth) is < 0 or > MaxUsd)
            {
                problems.Add(new(list.Member(i, item.UsdPerMonth is null ? "usdPerMachineMonth" : "usdPerMonth"),
                    string.Create(CultureInfo.InvariantCulture, $"Must be between 0 and {MaxUsd:#,0} USD.")));
            }
        }
    }

    private static Dictionary<string, string> Row(params (string Name, string? Value)[] members)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                row[name] = value;
            }
        }

        return row;
    }

    private static string? Get(IReadOnlyDictionary<string, string> row, string name) => row.TryGetValue(name, out var value) ? value : null;

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A member's number; <see cref="FormatException"/> when it is not one (the URL and report readers say so).</summary>
    private static decimal? Number(IReadOnlyDictionary<string, string> row, string name) =>
        Get(row, name) is not { } text || text.Length == 0 ? null
        : decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new FormatException($"'{text}' is not a number.");
}
