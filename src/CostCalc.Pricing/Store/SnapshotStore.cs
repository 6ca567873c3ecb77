using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CostCalc.Pricing.Snapshot;

namespace CostCalc.Pricing.Store;

/// <summary>
/// Refreshed snapshots on disk, one folder per id holding the snapshot CSV files and
/// snapshot.json. A save writes a temporary folder and renames it into place, so a folder either
/// is complete or does not exist. Snapshots are found by id (saved reports pin them); the
/// embedded snapshot is found by its id too.
/// </summary>
public sealed partial class SnapshotStore(string directory, TimeProvider time)
{
    public const string ManifestFile = "snapshot.json";
    private const int CacheSize = 8;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly Lazy<PriceSnapshot> Embedded = new(EmbeddedSnapshot.Load);
    private readonly ConcurrentDictionary<string, PriceSnapshot> _cache = new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    public static PriceSnapshot EmbeddedSnapshotInstance => Embedded.Value;

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

    /// <summary>The snapshot with this id (persisted or embedded), or null when there is none or it does not load.</summary>
    public PriceSnapshot? Find(string id)
    {
        if (id == Embedded.Value.Prices.SnapshotId)
        {
            return Embedded.Value;
        }

        if (!ValidId().IsMatch(id))
        {
            return null;
        }

        if (_cache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        try
        {
            var snapshot = Load(id);
            if (_cache.Count >= CacheSize)
            {
                _cache.Clear();
            }

            return _cache[id] = snapshot;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Loads a persisted snapshot; throws when it is missing or malformed.</summary>
    public PriceSnapshot Load(string id)
    {
        CheckId(id);
        var folder = Path.Combine(Directory, id);
        var manifest = ReadManifest(folder) ?? throw new InvalidDataException($"{folder}: no readable {ManifestFile}");
        return SnapshotLoader.LoadWithId(name => File.OpenText(Path.Combine(folder, name)), manifest.Source, id);
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

    internal void Remember(PriceSnapshot snapshot) => _cache[snapshot.Prices.SnapshotId] = snapshot;

    private static SnapshotManifest? ReadManifest(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllText(Path.Combine(folder, ManifestFile)), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
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
}
