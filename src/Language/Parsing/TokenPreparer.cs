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

        var kept = new List<IToken>(all.Count);
        IToken? previous = null;
        for (var i = 0; i < all.Count; i++)
        {
            var token = all[i];
            switch (token.Type)
            {
                case PplLexer.UNKNOWN_CHAR:
                    diagnostics.Error(
                        DiagnosticCodes.UnexpectedCharacter,
                        $"unexpected character '{Printable(token.Text)}'",
                        Spans.Of(token, file),
                        "remove it; names are letters, digits and '_', and comments start with '//'");
                    continue;
                case PplLexer.UNTERMINATED_COMMENT:
                    diagnostics.Error(
                        DiagnosticCodes.UnterminatedComment,
                        "unterminated comment: this '/*' has no closing '*/'",
                        Spans.Of(token, file) with { Length = 2 },
                        "close the comment with '*/'");
                    continue;
                case PplLexer.NEWLINE when previous is null || !CanEndStatement(previous.Type)
                                             || !CanStartLine(NextVisible(all, i + 1)):
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
                && token.Type is not (PplLexer.UNKNOWN_CHAR or PplLexer.UNTERMINATED_COMMENT))
            {
                return token.Type;
            }
        }

        return TokenConstants.EOF;
    }

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
