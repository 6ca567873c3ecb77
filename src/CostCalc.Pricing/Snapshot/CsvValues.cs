using System.Globalization;
using System.Runtime.CompilerServices;

namespace CostCalc.Pricing.Snapshot;

/// <summary>Invariant-culture parsing of CSV fields, with errors that name the file and line.</summary>
internal static class CsvValues
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;

    public static int Int(CsvFile csv, int column) =>
        int.TryParse(csv.Span(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw csv.Error($"{csv.Header[column]} '{csv[column]}' is not an integer");

    public static int? OptionalInt(CsvFile csv, int column) => csv.Span(column).IsEmpty ? null : Int(csv, column);

    public static decimal Decimal(CsvFile csv, int column) =>
        TryParsePlainDecimal(csv.Span(column), out var value)
        || decimal.TryParse(csv.Span(column), DecimalStyle, CultureInfo.InvariantCulture, out value)
            ? value
            : throw csv.Error($"{csv.Header[column]} '{csv[column]}' is not a decimal number");

    /// <summary>Null when the field is empty or the column is absent (index -1).</summary>
    public static decimal? OptionalDecimal(CsvFile csv, int column) =>
        column < 0 || csv.Span(column).IsEmpty ? null : Decimal(csv, column);

    public static double? OptionalDouble(CsvFile csv, int column) =>
        csv.Span(column).IsEmpty ? null : (double)Decimal(csv, column);

    public static bool Bool(CsvFile csv, int column) => csv.Span(column) switch
    {
        "true" => true,
        "false" => false,
        _ => throw csv.Error($"{csv.Header[column]} '{csv[column]}' is not true or false"),
    };

    public static DateOnly Date(CsvFile csv, int column) =>
        DateOnly.TryParseExact(csv.Span(column), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw csv.Error($"{csv.Header[column]} '{csv[column]}' is not a yyyy-MM-dd date");

    /// <summary>
    /// A price kept as its source text, so it is written exactly as published. Empty or zero means
    /// "no price" and gives an empty string; a negative price is an error.
    /// </summary>
    public static string PriceText(CsvFile csv, int column)
    {
        if (csv[column].Length == 0)
        {
            return "";
        }

        var value = Decimal(csv, column);
        return value switch
        {
            > 0 => csv[column],
            0 => "",
            _ => throw csv.Error($"{csv.Header[column]} '{csv[column]}' is negative"),
        };
    }

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(bool value) => value ? "true" : "false";

    public static string Text(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Fast path for the common "123.4560" form (digits and at most one point, 18 characters at most); keeps
    /// the scale, so 0.096000 stays 0.096000. Anything else is left to <see cref="decimal.TryParse(string?, out decimal)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParsePlainDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        long digits = 0;
        var scale = -1;
        foreach (var c in text)
        {
            if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits = (digits * 10) + (c - '0');
                scale = scale < 0 ? scale : scale + 1;
            }
            else
            {
                return false;
            }
        }

        if (scale == 0 || text[0] == '.')
        {
            return false;
        }

        value = new decimal((int)digits, (int)(digits >> 32), 0, isNegative: false, (byte)Math.Max(scale, 0));
        return true;
    }
}
