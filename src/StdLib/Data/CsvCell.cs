using System.Globalization;

namespace Ppl.StdLib.Data;

/// <summary>
/// Parses one CSV cell: <c>true</c>/<c>false</c> (any case) are booleans, whole numbers without a
/// fraction or exponent are integers (exact up to 2^53), other numbers in invariant culture are reals.
/// Everything else is an error, with a message that says what the cell looks like (empty, NaN,
/// infinite, a missing-value marker, text).
/// </summary>
internal static class CsvCell
{
    private const long MaxExactInteger = 1L << 53;

    private const string MissingHint = "missing values are not allowed; remove the row, or impute the value before binding";

    private static readonly HashSet<string> MissingMarkers = new(StringComparer.OrdinalIgnoreCase) { "NA", "N/A", "null", "None", "?" };

    /// <summary>A parsed cell: its value and kind, or the error message and hint when <see cref="Error"/> is set.</summary>
    internal readonly record struct Result(double Value, DataElementKind Kind, string? Error = null, string? Hint = null);

    public static Result Parse(string cell, string column)
    {
        var text = cell.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return Fail($"empty cell in column '{column}'", MissingHint);
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new Result(1, DataElementKind.Boolean);
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return new Result(0, DataElementKind.Boolean);
        }

        var digits = text.Length > 0 && text[0] is '-' or '+' ? text[1..] : text;
        if (!digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9'))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                   && integer is >= -MaxExactInteger and <= MaxExactInteger
                ? new Result(integer, DataElementKind.Integer)
                : Fail($"'{cell.Trim()}' in column '{column}' is an integer too large to hold exactly (beyond 2^53)", "write it with an exponent (e.g. 1.5e20) if it is a real number");
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            if (double.IsFinite(value))
            {
                return new Result(value, DataElementKind.Real);
            }

            return double.IsNaN(value) || IsInfinityWord(text)
                ? Fail($"'{cell.Trim()}' in column '{column}' is not a finite number", double.IsNaN(value) ? MissingHint : "data values must be finite")
                : Fail($"'{cell.Trim()}' in column '{column}' overflows to infinity", "data values must be finite");
        }

        if (IsInfinityWord(text))
        {
            return Fail($"'{cell.Trim()}' in column '{column}' is not a finite number", "data values must be finite");
        }

        if (MissingMarkers.Contains(text.ToString()))
        {
            return Fail($"'{cell.Trim()}' in column '{column}' marks a missing value", MissingHint);
        }

        var shown = cell.Length <= 20 ? cell : cell[..20] + "...";
        return Fail($"'{shown}' in column '{column}' is not a number or a boolean", null);
    }

    private static bool IsInfinityWord(ReadOnlySpan<char> text)
    {
        var word = text.TrimStart("+-");
        return word.Equals("inf", StringComparison.OrdinalIgnoreCase)
               || word.Equals("infinity", StringComparison.OrdinalIgnoreCase)
               || word.SequenceEqual("\u221E");
    }

    private static Result Fail(string message, string? hint) => new(double.NaN, DataElementKind.Empty, message, hint);
}
