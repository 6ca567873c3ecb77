using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Store;

/// <summary>
/// Refreshed snapshots on disk, one folder per id holding the snapshot CSV files and
/// snapshot.json. A save writes a temporary folder and renames it into place, so a folder either
/// is complete or does not exist. Manifests are found by id (saved reports pin one); the embedded
/// snapshot, which has no snapshot.json, has a manifest made up for it.
/// </summary>
public sealed partial class SnapshotStore(string directory, TimeProvider time)
{
    public const string ManifestFile = "snapshot.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly Lazy<PriceSnapshot> Embedded = new(EmbeddedSnapshot.Load);

    // Created on its newest price date, based on nothing, no region refreshed.
    private static readonly Lazy<SnapshotManifest> EmbeddedManifestValue = new(() => new SnapshotManifest(
        Embedded.Value.Prices.SnapshotId, PriceSourceKind.Embedded,
        new DateTimeOffset(Embedded.Value.Prices.AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null, [], []));

    public string Directory { get; } = directory;

    public static PriceSnapshot EmbeddedSnapshotInstance => Embedded.Value;

    public static SnapshotManifest EmbeddedManifest => EmbeddedManifestValue.Value;

    /// <summary>A new id: the prefix and the UTC time to the second, with "-2", "-3" … if taken.</summary>
    public string NewId(string prefix)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{time.GetUtcNow().UtcDateTime:yyyy-MM-dd'T'HHmmss'Z'}");
        var candidate = id;
        for (var n = 2; System.IO.Directory.Exists(Path.Combine(Directory, candidate)); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
        }

        return candidate;
    }

    /// <summary>Writes the files and manifest to a temporary folder, then renames it to the id.</summary>
    public void Save(SnapshotManifest manifest, IReadOnlyList<SnapshotFile> files)
    {
        CheckId(manifest.Id);
        System.IO.Directory.CreateDirectory(Directory);
        var target = Path.Combine(Directory, manifest.Id);
        var temporary = Path.Combine(Directory, $".tmp-{manifest.Id}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(temporary);
        try
        {
            foreach (var file in files)
            {
                File.WriteAllBytes(Path.Combine(temporary, file.Name), SnapshotBuild.Encode(file));
            }

            File.WriteAllText(Path.Combine(temporary, ManifestFile), JsonSerializer.Serialize(manifest, Json));
            System.IO.Directory.Move(temporary, target);
        }
        catch
        {
            if (System.IO.Directory.Exists(temporary))
            {
                System.IO.Directory.Delete(temporary, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Manifests of the persisted snapshots, newest first; unreadable folders are skipped.</summary>
    public IReadOnlyList<SnapshotManifest> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var manifests = new List<SnapshotManifest>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || ReadManifest(folder) is not { } manifest || manifest.Id != name)
            {
                continue;
            }

            manifests.Add(manifest);
        }

        return [.. manifests.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>The manifest of the snapshot with this id (persisted or embedded), or null when there is no readable one.</summary>
    public SnapshotManifest? FindManifest(string id)
    {
        if (id == EmbeddedManifest.Id)
        {
            return EmbeddedManifest;
        }

        return ValidId().IsMatch(id) && ReadManifest(Path.Combine(Directory, id)) is { } manifest && manifest.Id == id ? manifest : null;
    }

    /// <summary>Loads a persisted snapshot; throws when it is missing or malformed.</summary>
    public PriceSnapshot Load(string id)
    {
        CheckId(id);
        var folder = Path.Combine(Directory, id);
        var manifest = ReadManifest(folder) ?? throw new InvalidDataException($"{folder}: no readable {ManifestFile}");
        return SnapshotLoader.LoadWithId(name => File.OpenText(Path.Combine(folder, name)), manifest.Kind.DisplayName(), id);
    }

    /// <summary>Opens the files of a snapshot by id (embedded or persisted), to build the next one from.</summary>
    public Func<string, TextReader> OpenFiles(string id)
    {
        if (id == Embedded.Value.Prices.SnapshotId)
        {
            return name => new StreamReader(EmbeddedSnapshot.OpenResource(name));
        }

        CheckId(id);
        var folder = Path.Combine(Directory, id);
        return name => File.OpenText(Path.Combine(folder, name));
    }

    /// <summary>The folder's manifest, or null when it is missing, malformed, or says no kind (not even by its source's name).</summary>
    private static SnapshotManifest? ReadManifest(string folder)
    {
        StoredManifest? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredManifest>(File.ReadAllText(Path.Combine(folder, ManifestFile)), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }

        if (stored?.Id is not { } id || (stored.Kind ?? PriceSourceKinds.FromDisplayName(stored.Source)) is not { } kind)
        {
            return null;
        }

        return new SnapshotManifest(id, kind, stored.CreatedAt, stored.BasedOn, stored.RefreshedRegions ?? [], stored.Notes ?? []);
    }

    private static void CheckId(string id)
    {
        if (!ValidId().IsMatch(id))
        {
            throw new ArgumentException($"'{id}' is not a snapshot id", nameof(id));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]{0,100}$")]
    private static partial Regex ValidId();

    /// <summary>
    /// snapshot.json as any version wrote it. Those before <see cref="SnapshotManifest.Kind"/> wrote only
    /// "source", the kind's display name ("bulk price list", "query API"); this one writes both.
    /// </summary>
    private sealed record StoredManifest(
        string? Id,
        PriceSourceKind? Kind,
        string? Source,
        DateTimeOffset CreatedAt,
        string? BasedOn,
        IReadOnlyList<string>? RefreshedRegions,
        IReadOnlyList<string>? Notes);
}
