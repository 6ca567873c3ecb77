using System.Security.Cryptography;

namespace CostCalc.Reports.Store;

/// <summary>
/// A saved report's id: 16 bytes from the OS CSPRNG (128 bits, ASVS 11.5.1) as 22 characters of
/// unpadded base64url. The id is the capability to read the report, so it is never derived from a
/// counter, a clock or a hash of the content.
/// </summary>
public static class ReportId
{
    public const int Length = 22;
    private const int Bytes = 16;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(bytes);
        return Encode(bytes);
    }

    /// <summary>
    /// True only for the canonical form <see cref="New"/> produces: 22 base64url characters whose
    /// last one carries 2 bits (so its 4 padding bits are zero). Anything else is rejected before a
    /// query is made.
    /// </summary>
    public static bool IsValid(string? id)
    {
        if (id is not { Length: Length })
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!IsBase64Url(c))
            {
                return false;
            }
        }

        // 22 × 6 = 132 bits for 128: the last character's low 4 bits must be zero.
        return (Alphabet.IndexOf(id[^1], StringComparison.Ordinal) & 0b1111) == 0;
    }

    internal static string Encode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Bytes)
        {
            throw new ArgumentException($"A report id is {Bytes} bytes.", nameof(bytes));
        }

        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static bool IsBase64Url(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
