namespace Ppl.StdLib.Data;

/// <summary>
/// A mistake in a data file, reported rather than thrown: NaN, infinities, null or missing cells,
/// wrong element types, ragged arrays, malformed headers, truncated files, unreadable files.
/// The message names the field (<c>X[3, 1]</c>) or the column; the position says where it is.
/// </summary>
/// <param name="Message">What is wrong, naming the field, e.g. <c>X[3] has 2 elements but X[0] has 3</c>.</param>
/// <param name="Position">Where it is: file, line and column, CSV column name, or IDX item.</param>
/// <param name="Hint">How to fix it, when there is something useful to say; otherwise null.</param>
public sealed record DataError(string Message, DataPosition Position, string? Hint = null)
{
    /// <summary>The file the error is in.</summary>
    public string File => Position.File;

    /// <summary>Renders <c>position: message</c>, with the hint after it in parentheses when there is one.</summary>
    public override string ToString() =>
        Hint is null ? $"{Position}: {Message}" : $"{Position}: {Message} ({Hint})";
}
