namespace CostCalc.Domain.Catalog;

/// <summary>Every instance type the snapshot knows, by name.</summary>
public sealed class InstanceCatalog
{
    private readonly Dictionary<string, InstanceType> _byName;

    public InstanceCatalog(IEnumerable<InstanceType> types, DataOrigin origin)
    {
        _byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        All = [.. _byName.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];
        Origin = origin;
    }

    public IReadOnlyList<InstanceType> All { get; }

    public DataOrigin Origin { get; }

    public InstanceType? Find(string name) => _byName.GetValueOrDefault(name);
}
