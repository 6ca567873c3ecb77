using System.Text.Json;
using System.Text.Json.Serialization;

namespace CostCalc.Domain.Scenarios;

/// <summary>The ids of the built-in deployment paths.</summary>
public static class PathIds
{
    public const string Ec2 = "ec2";
    public const string Eks = "eks";
    public const string EksFargate = "eks-fargate";
    public const string EcsEc2 = "ecs-ec2";
    public const string EcsFargate = "ecs-fargate";
}

/// <summary>
/// A set of path ids with value equality (so scenarios that hide the same paths are equal), kept
/// sorted; JSON is an array of ids and a URL a comma-separated list.
/// </summary>
[JsonConverter(typeof(PathListJsonConverter))]
public sealed class PathList : IEquatable<PathList>
{
    private readonly string[] _ids;

    private PathList(string[] ids) => _ids = ids;

    public static PathList Empty { get; } = new([]);

    public IReadOnlyList<string> Ids => _ids;

    public int Count => _ids.Length;

    public static PathList Of(IEnumerable<string> ids) =>
        new([.. ids.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    /// <summary>"eks,eks-fargate" → the two ids; an empty text is the empty list.</summary>
    public static PathList Parse(string text) => Of((text ?? "").Split(','));

    public bool Contains(string id) => Array.IndexOf(_ids, id) >= 0;

    public override string ToString() => string.Join(',', _ids);

    public bool Equals(PathList? other) => other is not null && _ids.AsSpan().SequenceEqual(other._ids);

    public override bool Equals(object? obj) => Equals(obj as PathList);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var id in _ids)
        {
            hash.Add(id, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}

internal sealed class PathListJsonConverter : JsonConverter<PathList>
{
    public override PathList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of path ids.");
        }

        var ids = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ids.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected a path id string."));
        }

        return PathList.Of(ids);
    }

    public override void Write(Utf8JsonWriter writer, PathList value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var id in value.Ids)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }
}
