using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Ppl.Language.Generated;

namespace Ppl.Language.Parsing;

/// <summary>How tokens and sets of expected tokens read in a message.</summary>
internal static class TokenNames
{
    /// <summary>Token types that can begin an expression.</summary>
    public static readonly int[] ExpressionStart =
        [PplLexer.NAME, PplLexer.NUMBER, PplLexer.MINUS, PplLexer.LPAREN, PplLexer.LBRACK];

    /// <summary>Keywords that name a type.</summary>
    public static readonly int[] TypeKeywords =
        [PplLexer.REAL, PplLexer.INT, PplLexer.BOOL, PplLexer.POS, PplLexer.PROB, PplLexer.SIMPLEX, PplLexer.COV];

    /// <summary>Keywords that begin a statement.</summary>
    public static readonly int[] StatementKeywords =
        [PplLexer.DATA, PplLexer.CONST, PplLexer.PARAM, PplLexer.LET, PplLexer.PLATE, PplLexer.NET, PplLexer.GUIDE];

    /// <summary>True for reserved words (data, plate, real, ...).</summary>
    public static bool IsKeyword(int type) => type is >= PplLexer.DATA and <= PplLexer.COV;

    /// <summary>The keyword's text, e.g. <c>plate</c>.</summary>
    public static string Literal(int type) =>
        PplLexer.DefaultVocabulary.GetLiteralName(type)?.Trim('\'') ?? PplLexer.DefaultVocabulary.GetSymbolicName(type);

    /// <summary>An offending token as the user sees it: <c>'x'</c>, <c>end of line</c>, <c>end of file</c>.</summary>
    public static string Describe(IToken token) => token.Type switch
    {
        TokenConstants.EOF => "end of file",
        PplLexer.NEWLINE => "end of line",
        _ => $"'{token.Text}'",
    };

    /// <summary>One expected token type in words.</summary>
    public static string Expected(int type) => type switch
    {
        TokenConstants.EOF => "end of file",
        PplLexer.NEWLINE => "a new line",
        PplLexer.NAME => "a name",
        PplLexer.NUMBER => "a number",
        _ => $"'{Literal(type)}'",
    };

    /// <summary>
    /// A set of expected tokens in words, grouping expression starters as "an expression", type
    /// keywords as "a type" and statement keywords as "a statement".
    /// </summary>
    public static string ExpectedList(IntervalSet expected)
    {
        var types = expected.ToList().Where(t => t != PplLexer.SEMI).ToList();
        var words = new List<string>();
        if (StatementKeywords.All(types.Contains))
        {
            words.Add("a statement");
            types.RemoveAll(t => StatementKeywords.Contains(t) || t == PplLexer.NAME);
        }

        if (TypeKeywords.All(types.Contains))
        {
            words.Add("a type");
            types.RemoveAll(t => TypeKeywords.Contains(t) || t == PplLexer.NAME);
        }

        if (ExpressionStart.All(types.Contains))
        {
            words.Add("an expression");
            types.RemoveAll(ExpressionStart.Contains);
        }

        var operators = new[] { PplLexer.PLUS, PplLexer.STAR, PplLexer.SLASH, PplLexer.CARET, PplLexer.AT };
        if (operators.All(types.Contains))
        {
            words.Add("an operator");
            types.RemoveAll(t => operators.Contains(t) || t == PplLexer.MINUS || t == PplLexer.LBRACK);
        }

        words.AddRange(types.Select(Expected));
        return words.Count switch
        {
            0 => "something else",
            1 => words[0],
            _ => string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1],
        };
    }
}
