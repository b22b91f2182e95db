using Antlr4.Runtime;
using Ppl.Language.Generated;

namespace Ppl.Language.Parsing;

/// <summary>
/// Matches brackets over the token list, independently of the grammar, to say which bracket a
/// missing or extra one belongs to.
/// </summary>
internal static class BracketScanner
{
    /// <summary>
    /// The innermost opening token of <paramref name="open"/>'s kind still unclosed before token
    /// <paramref name="end"/>, within the statement that holds it.
    /// </summary>
    public static IToken? UnclosedBefore(IReadOnlyList<IToken> tokens, int end, int open, int close)
    {
        var stack = new Stack<IToken>();
        for (var i = StatementStart(tokens, end); i < end && i < tokens.Count; i++)
        {
            var type = tokens[i].Type;
            if (type == open)
            {
                stack.Push(tokens[i]);
            }
            else if (type == close && stack.Count > 0)
            {
                stack.Pop();
            }
        }

        return stack.Count > 0 ? stack.Peek() : null;
    }

    /// <summary>
    /// True when the closing bracket at <paramref name="index"/> has no opener to match: in its
    /// statement for ')' and ']', in the whole file for '}'.
    /// </summary>
    public static bool IsUnmatchedClose(IReadOnlyList<IToken> tokens, int index)
    {
        var close = tokens[index].Type;
        var open = OpenerOf(close);
        var depth = 0;
        for (var i = close == PplLexer.RBRACE ? 0 : StatementStart(tokens, index); i < index; i++)
        {
            if (tokens[i].Type == open)
            {
                depth++;
            }
            else if (tokens[i].Type == close && depth > 0)
            {
                depth--;
            }
        }

        return depth == 0;
    }

    /// <summary>Every '{' never closed by the end of the file, outermost first.</summary>
    public static IReadOnlyList<IToken> UnclosedBraces(IReadOnlyList<IToken> tokens)
    {
        var stack = new List<IToken>();
        foreach (var token in tokens)
        {
            if (token.Type == PplLexer.LBRACE)
            {
                stack.Add(token);
            }
            else if (token.Type == PplLexer.RBRACE && stack.Count > 0)
            {
                stack.RemoveAt(stack.Count - 1);
            }
        }

        return stack;
    }

    /// <summary>Index of the first token after the separator that precedes token <paramref name="index"/>.</summary>
    private static int StatementStart(IReadOnlyList<IToken> tokens, int index)
    {
        for (var i = Math.Min(index, tokens.Count) - 1; i >= 0; i--)
        {
            if (tokens[i].Type is PplLexer.NEWLINE or PplLexer.SEMI)
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>The opening bracket for a closing one.</summary>
    public static int OpenerOf(int close) => close switch
    {
        PplLexer.RPAREN => PplLexer.LPAREN,
        PplLexer.RBRACK => PplLexer.LBRACK,
        _ => PplLexer.LBRACE,
    };
}
