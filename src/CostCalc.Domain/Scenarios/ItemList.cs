using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CostCalc.Domain.Scenarios;

/// <summary>
/// An immutable list input of a scenario (rate overrides, fixed costs) with value equality, so scenarios
/// that hold the same items are equal; JSON is an array of the items. <see cref="ScenarioLists"/> describes
/// each list input as <see cref="ScenarioFields"/> describes numbers.
/// </summary>
[JsonConverter(typeof(ItemListJsonConverterFactory))]
public sealed class ItemList<T> : IReadOnlyList<T>, IEquatable<ItemList<T>>
    where T : IEquatable<T>
{
    private readonly T[] _items;

    private ItemList(T[] items) => _items = items;

    internal static ItemList<T> EmptyList { get; } = new([]);

    internal static ItemList<T> From(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToArray();
        return array.Length == 0 ? EmptyList : new(array);
    }

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    /// <summary>This list with the item at <paramref name="index"/> left out.</summary>
    public ItemList<T> Without(int index) => From(_items.Where((_, i) => i != index));

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ItemList<T>? other) => other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as ItemList<T>);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}

/// <summary>Makes <see cref="ItemList{T}"/> values.</summary>
public static class ItemList
{
    public static ItemList<T> Empty<T>()
        where T : IEquatable<T> => ItemList<T>.EmptyList;

    public static ItemList<T> Of<T>(IEnumerable<T> items)
        where T : IEquatable<T> => ItemList<T>.From(items);

    public static ItemList<T> Of<T>(params T[] items)
        where T : IEquatable<T> => ItemList<T>.From(items);
}

internal sealed class ItemListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ItemList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ItemListJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class ItemListJsonConverter<T> : JsonConverter<ItemList<T>>
    where T : IEquatable<T>
{
    public override ItemList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                items.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
            }
            catch (JsonException e)
            {
                throw new ListItemJsonException(items.Count, e);
            }
        }

        return ItemList<T>.From(items);
    }

    public override void Write(Utf8JsonWriter writer, ItemList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}

/// <summary>
/// An item of a list input that is not readable: <see cref="Member"/> is where within the list ("[1].usdPerHour",
/// "[0]"), so a reader can name the field as validation does ("rateOverrides[1].usdPerHour").
/// </summary>
public sealed class ListItemJsonException : JsonException
{
    public ListItemJsonException(int index, JsonException inner)
        : base(inner?.Message, inner) =>
        Member = $"[{index}]" + (inner?.Path is { Length: > 1 } path && path.StartsWith('$') ? path[1..] : "");

    public ListItemJsonException()
    {
        Member = "";
    }

    public ListItemJsonException(string message)
        : base(message)
    {
        Member = "";
    }

    public ListItemJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
        Member = "";
    }

    public string Member { get; }
}
