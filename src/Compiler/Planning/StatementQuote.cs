using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Planning;

/// <summary>
/// Quotes a statement for the planner's reasons: <c>'theta ~ Beta(1, 1)' (coin.ppl:2:1)</c>. The text is
/// the statement's first source line when the source is known, else the IR printer's form of the node.
/// </summary>
/// <param name="source">The model's source text, or null (a model built in C#).</param>
internal sealed class StatementQuote(string? source)
{
    private readonly string[] _lines = source?.Split('\n') ?? [];

    /// <summary>The quoted statement with its location.</summary>
    public string Of(IrNode node)
    {
        var span = node.Span;
        var location = span.HasPosition ? $" ({span})" : "";
        return $"'{Text(node)}'{location}";
    }

    private string Text(IrNode node)
    {
        var span = node.Span;
        if (span.HasPosition && span.Line <= _lines.Length)
        {
            // The statement's text, over as many lines as its span covers, with runs of whitespace
            // (line breaks and indentation) collapsed; a block is cut at its brace.
            var text = new System.Text.StringBuilder();
            var remaining = span.Length > 0 ? span.Length : int.MaxValue;
            for (var line = span.Line - 1; line < _lines.Length && remaining > 0; line++)
            {
                var row = _lines[line].TrimEnd('\r');
                var from = line == span.Line - 1 ? Math.Min(span.Column - 1, row.Length) : 0;
                var piece = row[from..];
                piece = piece.Length > remaining ? piece[..remaining] : piece;
                remaining -= piece.Length + 1;
                text.Append(piece).Append(' ');
                if (span.Length <= 0)
                {
                    break;
                }
            }

            var quoted = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var brace = quoted.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                quoted = quoted[..brace].TrimEnd() + " { ... }";
            }

            if (quoted.Length > 0)
            {
                return quoted;
            }
        }

        var printed = IrPrinter.Node(node);
        var space = printed.IndexOf(' ', StringComparison.Ordinal);
        return node is NetNode ? printed : printed[(space + 1)..];
    }
}
