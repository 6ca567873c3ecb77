using System.Globalization;
using CostCalc.Domain.Capacity;

namespace CostCalc.Pricing.Tests;

/// <summary>
/// The model's max pods against the VPC CNI's eni-max-pods.txt for every type it lists
/// that the catalog has, and the ENI formula on the catalog's ENI limits against the same file.
/// </summary>
public sealed class MaxPodsAgainstVpcCniTests
{
    private static Dictionary<string, int> Listed(string fileName) =>
        File.ReadLines(RepoData.RawFile(fileName))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [Fact]
    public void Eni_EveryListedTypeInCatalog_EqualsTheVpcCniValue()
    {
        var listed = Listed("eni-max-pods.txt");
        var catalog = Embedded.Snapshot.Catalog;

        var compared = listed.Where(kv => catalog.Find(kv.Key) is not null).ToList();
        var mismatches = compared.Where(kv => MaxPods.Eni(catalog.Find(kv.Key)!) != kv.Value).Select(kv => kv.Key).ToList();

        Assert.True(compared.Count > 1_300, $"only {compared.Count} listed types are in the catalog");
        Assert.Empty(mismatches);
    }

    // The formula ENIs × (IPv4 per ENI − 1) + 2 on the catalog's own ENI limits (from the EKS AMI's
    // instance-info.jsonl) reproduces the listed value for every type: the file is that formula applied
    // to the default network card, so there is no difference to explain.
    [Fact]
    public void EniFormula_CatalogEniLimits_ReproducesTheListedValue()
    {
        var listed = Listed("eni-max-pods.txt");
        var catalog = Embedded.Snapshot.Catalog;

        var mismatches = listed
            .Select(kv => (kv.Key, kv.Value, Type: catalog.Find(kv.Key)))
            .Where(x => x.Type is not null && (x.Type.MaxEnis * (x.Type.Ipv4PerEni - 1)) + 2 != x.Value)
            .Select(x => $"{x.Key}: listed {x.Value}, formula {(x.Type!.MaxEnis * (x.Type.Ipv4PerEni - 1)) + 2}")
            .ToList();

        Assert.Empty(mismatches);
    }

    // The EKS AMI's last eni-max-pods.txt (2026-02-27) agrees with the VPC CNI's newer file on every type
    // both list; the newer file only adds types launched since.
    [Fact]
    public void OlderEksAmiList_TypesInBoth_AgreeWithVpcCniList()
    {
        var newer = Listed("eni-max-pods.txt");
        var older = Listed("eni-max-pods.eks-ami-2026-02-27.txt");

        var differences = older.Where(kv => newer.TryGetValue(kv.Key, out var v) && v != kv.Value)
            .Select(kv => $"{kv.Key}: {kv.Value} → {newer[kv.Key]}").ToList();

        Assert.True(newer.Count > older.Count);
        Assert.Empty(differences);
    }

    // Types the catalog has that the VPC CNI does not list fall back to the formula on their ENI limits,
    // or to the kubelet default of 110 when no ENI data exists.
    [Fact]
    public void Eni_CatalogTypeNotListed_UsesFormulaOrKubeletDefault()
    {
        var listed = Listed("eni-max-pods.txt");

        foreach (var type in Embedded.Snapshot.Catalog.All.Where(t => !listed.ContainsKey(t.Name)))
        {
            var expected = type.MaxEnis > 0 ? (type.MaxEnis * (type.Ipv4PerEni - 1)) + 2 : MaxPods.KubeletDefault;
            Assert.Equal(expected, MaxPods.Eni(type));
        }
    }
}
