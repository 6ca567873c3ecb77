using CostCalc.Domain.Estimation;
using CostCalc.Domain.Vocabulary;
using Microsoft.AspNetCore.Components;

namespace CostCalc.Web.Components.Calculator;

public sealed partial class RankingTable
{
    public const int PageSize = 20;

    private static readonly (string Key, string Label, bool Numeric, Func<RankedInstance, IComparable> By)[] Columns =
    [
        ("type", "Instance type", false, r => r.InstanceType),
        ("vcpu", "vCPU", true, r => r.Vcpu),
        ("memory", "Memory GiB", true, r => r.MemoryMiB),
        ("machines", "Machines", true, r => r.Machines),
        ("perVm", "Connections / VM", true, r => r.ConnectionsPerVm),
        ("monthly", "USD / month", true, r => r.MonthlyUsd),
        ("per10k", "USD / 10k conn.", true, r => r.UsdPer10kConnections),
        ("vsCurrent", "vs current", true, r => r.MonthlyUsd),
    ];

    private string _sort = "monthly";
    private bool _descending;
    private int _pageIndex;
    private int[] _generations = [];
    private List<RankedInstance> _matching = [];
    private List<RankedInstance> _page = [];
    private Ranking? _rankingShown;
    private RankingFilter? _filterShown;

    [Parameter, EditorRequired] public required Ranking Ranking { get; set; }

    /// <summary>"EC2, EKS or ECS on EC2": the built-in paths that run on an instance type you choose.</summary>
    private static string RankedPathNames { get; } = OrList([.. DeploymentPaths.BuiltIn.Where(p => p.MachineTypeField is not null).Select(p => p.Name)]);

    /// <summary>The path and filters shown (from the calculator's address).</summary>
    [Parameter] public RankingFilter Filter { get; set; } = RankingFilter.None;

    [Parameter] public EventCallback<RankingFilter> FilterChanged { get; set; }

    [Parameter] public EventCallback<(string Field, string InstanceType)> OnPick { get; set; }

    /// <summary>The path shown: the filter's, else the first.</summary>
    private PathRanking? Current => Ranking.Paths.FirstOrDefault(p => p.Path == Filter.Path) ?? (Ranking.Paths.Count > 0 ? Ranking.Paths[0] : null);

    private string Caption
    {
        get
        {
            var path = Current!;
            var of = _matching.Count == path.Rows.Count ? "" : $" of {Formats.Count(path.Rows.Count)}";
            return $"{path.Name}: {Formats.Plural(_matching.Count, "instance type")}{of} that hold this workload, by {Columns.First(c => c.Key == _sort).Label}";
        }
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_rankingShown, Ranking) || _filterShown != Filter)
        {
            if (_filterShown != Filter)
            {
                _pageIndex = 0;
            }

            (_rankingShown, _filterShown) = (Ranking, Filter);
            _generations = [.. Ranking.Paths.SelectMany(p => p.Rows).Select(r => r.Generation).Where(g => g > 0).Distinct().Order()];
            Refresh();
        }
    }

    private void Refresh()
    {
        var rows = Current is { } path ? path.Rows.Where(Filter.Matches) : [];
        var by = Columns.First(c => c.Key == _sort).By;
        _matching = [.. _descending ? rows.OrderByDescending(by) : rows.OrderBy(by)];
        _pageIndex = Math.Clamp(_pageIndex, 0, Math.Max(0, (_matching.Count - 1) / PageSize));
        _page = PageOf(_matching);
    }

    private List<RankedInstance> PageOf(List<RankedInstance> rows) => [.. rows.Skip(_pageIndex * PageSize).Take(PageSize)];

    private void Turn(int pages)
    {
        _pageIndex += pages;
        Refresh();
    }

    private void SortBy(string key)
    {
        _descending = _sort == key && !_descending;
        _sort = key;
        _pageIndex = 0;
        Refresh();
    }

    private string AriaSort(string key) => key != _sort ? "none" : _descending ? "descending" : "ascending";

    private string SortMark(string key) => key != _sort ? "" : _descending ? " ▼" : " ▲";

    private static string OrList(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";

    private Task Set(RankingFilter filter) => FilterChanged.InvokeAsync(filter);

    private Task Pick(PathRanking path, RankedInstance row) => OnPick.InvokeAsync((path.MachineTypeField, row.InstanceType));

    /// <summary>"current", "saves $120", "+$30"; a dash when the current pick cannot run the workload.</summary>
    private static string VsCurrent(RankedInstance row, decimal? saving) => saving switch
    {
        null => Formats.NoValue,
        0 => "same",
        > 0 => $"saves {Formats.Usd(saving.Value)}",
        _ => Formats.UsdChange(-saving.Value),
    };

    /// <summary>What the cheapest type saves against the current pick, or that the current pick is it.</summary>
    private static string BestNote(PathRanking path, RankedInstance best) => path.Current switch
    {
        null => $"The current {path.CurrentInstanceType} cannot hold one of its VMs.",
        { } current when current.InstanceType == best.InstanceType => "The current pick is the cheapest.",
        { } current when current.MonthlyUsd == best.MonthlyUsd => $"Costs the same as the current {current.InstanceType}.",
        { } current => $"Saves {Formats.Usd(current.MonthlyUsd - best.MonthlyUsd)}/month against the current {current.InstanceType} ({Formats.Usd(current.MonthlyUsd)}).",
    };
}
