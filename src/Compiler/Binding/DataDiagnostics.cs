using Ppl.Language;
using Ppl.Language.Diagnostics;
using Ppl.StdLib.Data;

namespace Ppl.Compiler.Binding;

/// <summary>Turns data-file positions and reader errors into diagnostics the renderer shows like model errors.</summary>
public static class DataDiagnostics
{
    /// <summary>The reader's errors as diagnostics (PPL0301).</summary>
    /// <param name="errors">Errors from the data readers.</param>
    /// <returns>One diagnostic per error.</returns>
    public static IEnumerable<Diagnostic> FromReadErrors(IEnumerable<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Select(e => Error(DataDiagnosticCodes.DataFile, e.Message, e.Position, e.Hint));
    }

    /// <summary>
    /// An error at a data position: JSON values get <c>file:line:col</c>; CSV cells <c>file:line:1</c> with the
    /// column named in the message; IDX items and whole files have no line, so the message starts with the position.
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="position">Where in the data file.</param>
    /// <param name="hint">How to fix it, or null.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Error(string code, string message, DataPosition position, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (position.Line <= 0)
        {
            return Diagnostic.Error(code, $"{position}: {message}", SourceSpan.WholeFile(position.File), hint);
        }

        var column = Math.Max(position.Column, 1);
        var where = position.ColumnName is { } name ? $" (column '{name}')" : "";
        return Diagnostic.Error(code, message + where, new SourceSpan(position.File, position.Line, column, position.Column > 0 ? 1 : 0), hint);
    }

    /// <summary>Largest data file whose lines are shown under its diagnostics.</summary>
    private const long MaxQuotedFileBytes = 16 << 20;

    /// <summary>
    /// Renders diagnostics that point into the model or into data files: each with the source line of its
    /// own file (text data files are read for that; binary and very large files are not quoted).
    /// </summary>
    /// <param name="diagnostics">The diagnostics, in the order to show them.</param>
    /// <param name="modelFile">The model's file name as its spans give it.</param>
    /// <param name="modelSource">The model's text.</param>
    /// <returns>The rendered text.</returns>
    public static string Render(IEnumerable<Diagnostic> diagnostics, string modelFile, string modelSource)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal) { [modelFile] = modelSource };
        var text = new System.Text.StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            var file = diagnostic.Span.File;
            if (!sources.TryGetValue(file, out var source))
            {
                source = sources[file] = Quotable(file);
            }

            text.Append(DiagnosticRenderer.Render([diagnostic], source));
        }

        return text.ToString();
    }

    private static string Quotable(string file)
    {
        try
        {
            var info = new FileInfo(file);
            var extension = info.Extension.ToUpperInvariant();
            return info.Exists && info.Length <= MaxQuotedFileBytes && extension is ".JSON" or ".CSV"
                ? File.ReadAllText(file)
                : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return "";
        }
    }
}
