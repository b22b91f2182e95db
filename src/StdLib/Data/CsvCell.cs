using System.Globalization;

namespace Ppl.StdLib.Data;

/// <summary>
/// Parses one CSV cell: <c>true</c>/<c>false</c> (any case) are booleans, whole numbers without a
/// fraction or exponent are integers (exact up to 2^53), other numbers in invariant culture are reals.
/// Everything else is an error saying what the cell holds (empty, NaN, infinite, a missing-value
/// marker, text); the caller puts the element's name in front.
/// </summary>
internal static class CsvCell
{
    private const long MaxExactInteger = 1L << 53;

    private const string MissingHint = "remove the row, or impute the value before binding";

    private static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase) { "NA", "N/A", "null", "None", "?" };

    /// <summary>A parsed cell: its value and kind, or (when <see cref="Problem"/> is set) what is wrong and a hint.</summary>
    internal readonly record struct Result(double Value, DataElementKind Kind, string? Problem = null, string? Hint = null);

    public static Result Parse(string cell)
    {
        var text = cell.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return Fail("is an empty cell; missing values are not allowed", MissingHint);
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new Result(1, DataElementKind.Boolean);
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return new Result(0, DataElementKind.Boolean);
        }

        var digits = text[0] is '-' or '+' ? text[1..] : text;
        if (!digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9'))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                   && integer is >= -MaxExactInteger and <= MaxExactInteger
                ? new Result(integer, DataElementKind.Integer)
                : Fail($"is {Shown(text)}, an integer too large to hold exactly (beyond 2^53)", "write it with an exponent (e.g. 1.5e20) if it is a real number");
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            if (double.IsFinite(value))
            {
                return new Result(value, DataElementKind.Real);
            }

            return double.IsNaN(value) || IsInfinityWord(text)
                ? Fail($"is '{Shown(text)}'; data values must be finite numbers", double.IsNaN(value) ? MissingHint : null)
                : Fail($"is {Shown(text)}, which overflows to infinity; data values must be finite numbers", null);
        }

        if (IsInfinityWord(text))
        {
            return Fail($"is '{Shown(text)}'; data values must be finite numbers", null);
        }

        return MissingMarkers.Contains(text.ToString())
            ? Fail($"is '{Shown(text)}'; missing values are not allowed", MissingHint)
            : Fail($"is '{Shown(text)}'; data values must be numbers or booleans (true/false)", null);
    }

    /// <summary>The cell as messages show it: at most 20 characters, line breaks as <c>\n</c>.</summary>
    private static string Shown(ReadOnlySpan<char> text) =>
        (text.Length <= 20 ? text.ToString() : text[..20].ToString() + "...").ReplaceLineEndings("\\n");

    private static bool IsInfinityWord(ReadOnlySpan<char> text)
    {
        var word = text.TrimStart("+-");
        return word.Equals("inf", StringComparison.OrdinalIgnoreCase)
               || word.Equals("infinity", StringComparison.OrdinalIgnoreCase)
               || word.SequenceEqual("\u221E");
    }

    private static Result Fail(string problem, string? hint) => new(double.NaN, DataElementKind.Empty, problem, hint);
}
