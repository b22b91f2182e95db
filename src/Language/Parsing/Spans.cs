using Antlr4.Runtime;

namespace Ppl.Language.Parsing;

/// <summary>Source spans of ANTLR tokens and parse-tree nodes.</summary>
internal static class Spans
{
    /// <summary>The span of one token (ANTLR columns are 0-based, ours 1-based).</summary>
    public static SourceSpan Of(IToken token, string file) =>
        new(file, token.Line, token.Column + 1, Math.Max(0, token.StopIndex - token.StartIndex + 1));

    /// <summary>The span from the first to the last token of a rule, or of its first token when the rule is broken.</summary>
    public static SourceSpan Of(ParserRuleContext context, string file)
    {
        var start = context.Start;
        var stop = context.Stop;
        if (stop is null || stop.StopIndex < start.StartIndex)
        {
            return Of(start, file);
        }

        return new(file, start.Line, start.Column + 1, stop.StopIndex - start.StartIndex + 1);
    }

    /// <summary>A one-character span just after <paramref name="token"/>: where a missing token belongs.</summary>
    public static SourceSpan After(IToken token, string file)
    {
        var text = token.Text ?? string.Empty;
        var newline = text.LastIndexOf('\n');
        return newline < 0
            ? new(file, token.Line, token.Column + 1 + text.Length, 1)
            : new(file, token.Line + text.Count(c => c == '\n'), text.Length - newline, 1);
    }
}
