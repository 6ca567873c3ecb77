using System.Globalization;
using System.Text.RegularExpressions;

namespace CostCalc.Web.Components.Calculator;

/// <summary>
/// Reads and writes the numbers users type: a point is the decimal mark, commas (and spaces) group
/// thousands ("1,000,000", "1 000 000.5"). A comma anywhere else is refused rather than guessed, so
/// "1,5" is never read as 15.
/// </summary>
public static partial class NumberText
{
    public const string DecimalCommaMessage = "Use a point for decimals (1.5); commas only group thousands (1,000,000).";

    /// <summary>The value typed, or null with a message; empty text is (null, null).</summary>
    public static (double? Value, string? Error) Parse(string? text)
    {
        var trimmed = Spaces().Replace(text ?? "", "");
        if (trimmed.Length == 0)
        {
            return (null, null);
        }

        if (trimmed.Contains(',', StringComparison.Ordinal))
        {
            if (!GroupedThousands().IsMatch(trimmed))
            {
                return (null, DecimalCommaMessage);
            }

            trimmed = trimmed.Replace(",", "", StringComparison.Ordinal);
        }

        return double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                   CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (value, null)
            : (null, "Not a number.");
    }

    /// <summary>A value as the input shows it: thousands grouped, no trailing zeros.</summary>
    public static string Format(double value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\s\u00A0\u202F]")]
    private static partial Regex Spaces();

    /// <summary>1 to 3 digits, then groups of exactly three after each comma, then an optional decimal part.</summary>
    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")]
    private static partial Regex GroupedThousands();
}
