using System.Globalization;
using System.Text;

namespace Ppl.Language.Diagnostics;

/// <summary>
/// Renders diagnostics for a terminal:
/// <code>
/// coin.ppl:3:7: error PPL0005: '=' is not a sampling statement; did you mean '~'?
///     3 | theta = Beta(1, 1)
///       |       ^
///       = hint: write `theta ~ Dist(...)` for a random variable
/// </code>
/// A diagnostic without a position (e.g. an unreadable file) is one line: <c>ppl: error PPL0001: ...</c>.
/// </summary>
public static class DiagnosticRenderer
{
    /// <summary>Renders diagnostics, each followed by its source line, caret underline and hint.</summary>
    /// <param name="diagnostics">The diagnostics, in the order to show them.</param>
    /// <param name="source">The source text the spans point into (may be empty).</param>
    /// <returns>The text, one line per row, ending with a newline when non-empty.</returns>
    public static string Render(IEnumerable<Diagnostic> diagnostics, string source)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Split('\n');
        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            Render(diagnostic, lines, text);
        }

        return text.ToString();
    }

    /// <summary>The first line of a rendered diagnostic: <c>file:line:col: error CODE: message</c>.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The header line, without a newline.</returns>
    public static string Header(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var where = diagnostic.Span.HasPosition ? diagnostic.Span.ToString() : "ppl";
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        return $"{where}: {severity} {diagnostic.Code}: {diagnostic.Message}";
    }

    private static void Render(Diagnostic diagnostic, string[] lines, StringBuilder text)
    {
        text.Append(Header(diagnostic)).Append('\n');
        var span = diagnostic.Span;
        var gutter = new string(' ', Math.Max(4, span.Line.ToString(CultureInfo.InvariantCulture).Length + 1));
        if (span.HasPosition && span.Line <= lines.Length)
        {
            var line = lines[span.Line - 1].TrimEnd('\r');
            var number = span.Line.ToString(CultureInfo.InvariantCulture).PadLeft(gutter.Length);
            text.Append(number).Append(" | ").Append(line).Append('\n');
            text.Append(gutter).Append(" | ").Append(Underline(line, span.Column, span.Length)).Append('\n');
        }

        if (diagnostic.Hint is { } hint)
        {
            text.Append(gutter).Append(" = hint: ").Append(hint).Append('\n');
        }
    }

    /// <summary>Spaces (tabs kept, so the caret lines up) up to the column, then one '^' per character of the span on this line.</summary>
    private static string Underline(string line, int column, int length)
    {
        var start = Math.Min(column - 1, line.Length);
        var width = Math.Max(1, Math.Min(length, line.Length - start));
        var prefix = new StringBuilder(start);
        for (var i = 0; i < start; i++)
        {
            prefix.Append(line[i] == '\t' ? '\t' : ' ');
        }

        return prefix.Append('^', width).ToString();
    }
}
