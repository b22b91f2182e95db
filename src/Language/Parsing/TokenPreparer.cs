using Antlr4.Runtime;
using Ppl.Language.Diagnostics;
using Ppl.Language.Generated;

namespace Ppl.Language.Parsing;

/// <summary>
/// Lexes the source and prepares the token list the parser reads: reports unknown characters and
/// unterminated comments (and drops them, so that they cause no second error), and drops every
/// newline that cannot end a statement, so that statements may run over several lines.
/// </summary>
internal static class TokenPreparer
{
    /// <summary>Lexes <paramref name="source"/> and returns the parser's tokens (ending with EOF).</summary>
    public static List<IToken> Prepare(string source, string file, DiagnosticBag diagnostics)
    {
        var lexer = new PplLexer(CharStreams.fromString(source));
        lexer.RemoveErrorListeners();
        var all = new List<IToken>();
        for (var token = lexer.NextToken(); ; token = lexer.NextToken())
        {
            all.Add(token);
            if (token.Type == TokenConstants.EOF)
            {
                break;
            }
        }

        if (TooDeep(all) is { } deep)
        {
            diagnostics.Error(DiagnosticCodes.NestedTooDeeply,
                $"brackets are nested more than {MaxDepth} deep", Spans.Of(deep, file),
                "split the expression with `let`");
            return [all[^1]];
        }

        var kept = new List<IToken>(all.Count);
        IToken? previous = null;
        for (var i = 0; i < all.Count; i++)
        {
            var token = all[i];
            switch (token.Type)
            {
                case PplLexer.UNKNOWN_CHAR:
                    i = ReportUnknownRun(all, i, file, diagnostics);
                    continue;
                case PplLexer.HASH_COMMENT:
                    diagnostics.Error(
                        DiagnosticCodes.UnexpectedCharacter,
                        "'#' does not start a comment in Ppl",
                        Spans.Of(token, file) with { Length = 1 },
                        "write comments with '//' (or '/* ... */')");
                    continue;
                case PplLexer.UNTERMINATED_COMMENT:
                    diagnostics.Error(
                        DiagnosticCodes.UnterminatedComment,
                        "unterminated comment: this '/*' is never closed",
                        Spans.Of(token, file) with { Length = 2 },
                        "close the comment with '*/'");
                    continue;
                case PplLexer.NEWLINE when JoinsLines(previous, NextVisible(all, i + 1)):
                    continue;
            }

            kept.Add(token);
            if (token.Channel == TokenConstants.DefaultChannel)
            {
                previous = token;
            }
        }

        return kept;
    }

    /// <summary>Deepest bracket nesting the parser accepts; deeper input could exhaust the stack.</summary>
    public const int MaxDepth = 256;

    /// <summary>The first bracket that opens level <see cref="MaxDepth"/> + 1, or null.</summary>
    private static IToken? TooDeep(List<IToken> tokens)
    {
        var depth = 0;
        foreach (var token in tokens)
        {
            if (token.Type is PplLexer.LPAREN or PplLexer.LBRACK or PplLexer.LBRACE && ++depth > MaxDepth)
            {
                return token;
            }

            if (token.Type is PplLexer.RPAREN or PplLexer.RBRACK or PplLexer.RBRACE && depth > 0)
            {
                depth--;
            }
        }

        return null;
    }

    /// <summary>Reports a run of adjacent unknown characters as one diagnostic; returns the index of its last token.</summary>
    private static int ReportUnknownRun(List<IToken> tokens, int first, string file, DiagnosticBag diagnostics)
    {
        var last = first;
        while (last + 1 < tokens.Count && tokens[last + 1].Type == PplLexer.UNKNOWN_CHAR
               && tokens[last + 1].StartIndex == tokens[last].StopIndex + 1 && tokens[last + 1].Line == tokens[first].Line)
        {
            last++;
        }

        var text = string.Concat(tokens.Skip(first).Take(Math.Min(last - first + 1, 16)).Select(t => Printable(t.Text)));
        var span = Spans.Of(tokens[first], file) with { Length = tokens[last].StopIndex - tokens[first].StartIndex + 1 };
        diagnostics.Error(
            DiagnosticCodes.UnexpectedCharacter,
            last == first ? $"unexpected character '{text}'" : $"unexpected characters '{text}{(last - first >= 16 ? "..." : string.Empty)}'",
            span,
            "remove it; names are letters, digits and '_', and comments start with '//'");
        return last;
    }

    /// <summary>A character as it can be shown between quotes.</summary>
    private static string Printable(string text) => text switch
    {
        "\t" => "\\t",
        "\0" => "\\0",
        _ when text.Length == 1 && char.IsControl(text[0]) => $"\\u{(int)text[0]:x4}",
        _ => text,
    };

    /// <summary>The type of the next token on the default channel that the parser will see.</summary>
    private static int NextVisible(List<IToken> tokens, int from)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Channel == TokenConstants.DefaultChannel
                && token.Type is not (PplLexer.UNKNOWN_CHAR or PplLexer.UNTERMINATED_COMMENT or PplLexer.HASH_COMMENT))
            {
                return token.Type;
            }
        }

        return TokenConstants.EOF;
    }

    /// <summary>
    /// True when the newline between <paramref name="previous"/> and the next token cannot end a
    /// statement. A statement keyword always starts a new statement, so that an incomplete line
    /// (<c>let a = 1 +</c>) does not swallow the next one.
    /// </summary>
    private static bool JoinsLines(IToken? previous, int next) =>
        previous is null
        || (!CanEndStatement(previous.Type) && Array.IndexOf(TokenNames.StatementKeywords, next) < 0)
        || !CanStartLine(next);

    /// <summary>False for tokens after which an expression or statement must continue.</summary>
    private static bool CanEndStatement(int type) => type is not (
        PplLexer.COMMA or PplLexer.LPAREN or PplLexer.LBRACK or PplLexer.ARROW
        or PplLexer.PLUS or PplLexer.MINUS or PplLexer.STAR or PplLexer.SLASH or PplLexer.CARET or PplLexer.AT
        or PplLexer.NEWLINE);

    /// <summary>False for tokens that cannot begin a statement, so a newline before them joins the lines.</summary>
    private static bool CanStartLine(int type) => type is not (
        PplLexer.RPAREN or PplLexer.RBRACK or PplLexer.COMMA or PplLexer.ARROW or PplLexer.LBRACE
        or PplLexer.PLUS or PplLexer.MINUS or PplLexer.STAR or PplLexer.SLASH or PplLexer.CARET or PplLexer.AT
        or PplLexer.TILDE);
}
