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
            var line = _lines[span.Line - 1].TrimEnd('\r');
            var start = Math.Min(span.Column - 1, line.Length);
            var text = line[start..];
            if (span.Length > 0 && span.Length < text.Length)
            {
                text = text[..span.Length];
            }

            text = text.Trim();
            if (text.EndsWith('{'))
            {
                text = text[..^1].TrimEnd() + " { ... }";
            }

            if (text.Length > 0)
            {
                return text;
            }
        }

        var printed = IrPrinter.Node(node);
        var space = printed.IndexOf(' ', StringComparison.Ordinal);
        return node is NetNode ? printed : printed[(space + 1)..];
    }
}
