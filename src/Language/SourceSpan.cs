namespace Ppl.Language;

/// <summary>
/// A stretch of source text: where a syntax node or a diagnostic sits in a <c>.ppl</c> file.
/// </summary>
/// <param name="File">The file's path as the user gave it (used verbatim in messages).</param>
/// <param name="Line">1-based line of the first character; 0 when the span has no position (a whole file).</param>
/// <param name="Column">1-based column of the first character; 0 when the span has no position.</param>
/// <param name="Length">Number of characters covered, possibly running over several lines; at least 0.</param>
public readonly record struct SourceSpan(string File, int Line, int Column, int Length)
{
    /// <summary>A span that names a file but no position in it (e.g. the file could not be read).</summary>
    /// <param name="file">The file's path.</param>
    /// <returns>A span with line and column 0.</returns>
    public static SourceSpan WholeFile(string file) => new(file, 0, 0, 0);

    /// <summary>True when the span points at a line and column.</summary>
    public bool HasPosition => Line > 0 && Column > 0;

    /// <summary>The span as <c>file:line:col</c> (or just the file when it has no position).</summary>
    /// <returns>The location text used in rendered diagnostics.</returns>
    public override string ToString() => HasPosition ? $"{File}:{Line}:{Column}" : File;
}
