namespace Ppl.StdLib.Data;

/// <summary>
/// One <c>--data</c> argument: <c>FILE</c> binds every array in the file by its own name;
/// <c>NAME=FILE</c> binds the file's one array (an IDX image set, a one-column CSV, a JSON array) to
/// the data variable NAME.
/// </summary>
/// <param name="Name">The data name for <c>NAME=FILE</c>, or null for <c>FILE</c>.</param>
/// <param name="Path">The file.</param>
public sealed record DataArgument(string? Name, string Path)
{
    /// <summary>
    /// Reads <c>FILE</c> or <c>NAME=FILE</c>. Text before the first <c>=</c> is a name only when it is an
    /// identifier (<c>[A-Za-z_][A-Za-z0-9_]*</c>), so a path that merely contains <c>=</c> stays a path.
    /// </summary>
    /// <param name="text">The argument as given on the command line.</param>
    public static DataArgument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && IsIdentifier(text.AsSpan(0, equals))
            ? new DataArgument(text[..equals], text[(equals + 1)..])
            : new DataArgument(null, text);
    }

    /// <summary>The argument as it would be written: <c>FILE</c> or <c>NAME=FILE</c>.</summary>
    public override string ToString() => Name is null ? Path : $"{Name}={Path}";

    private static bool IsIdentifier(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
