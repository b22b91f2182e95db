using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Ppl.Language.Diagnostics;
using Ppl.Language.Generated;

namespace Ppl.Language.Parsing;

/// <summary>How the parser met a syntax error (ANTLR's three cases).</summary>
internal enum SyntaxErrorKind
{
    /// <summary>The token does not fit and the parser could not patch it.</summary>
    Mismatch,

    /// <summary>The token is extra: dropping it lets the parse go on.</summary>
    Unwanted,

    /// <summary>A token is missing: inserting it lets the parse go on.</summary>
    Missing,
}

/// <summary>
/// Turns an ANTLR syntax error (offending token, expected tokens, rule context) into a message a
/// person can act on, for the common mistakes listed in docs/diagnostics.md; anything else gets
/// "unexpected X; expected Y".
/// </summary>
internal sealed class SyntaxErrorMessages(string file, IReadOnlyList<IToken> tokens)
{
    private static readonly string[] _keywordWords =
        ["data", "const", "param", "let", "plate", "net", "guide"];

    /// <summary>The diagnostic for one syntax error.</summary>
    public Diagnostic Describe(IToken offending, IntervalSet expected, RuleContext? context, SyntaxErrorKind kind)
    {
        var type = offending.Type;
        var previous = PreviousVisible(offending.TokenIndex);
        var at = IsLineEnd(type) && previous is not null ? Spans.After(previous, file) : Spans.Of(offending, file);

        if (type is PplLexer.RPAREN or PplLexer.RBRACK or PplLexer.RBRACE
            && offending.TokenIndex >= 0 && BracketScanner.IsUnmatchedClose(tokens, offending.TokenIndex))
        {
            var open = TokenNames.Literal(BracketScanner.OpenerOf(type));
            return Error(DiagnosticCodes.UnmatchedClosingBracket,
                $"unmatched '{offending.Text}': there is no '{open}' for it to close", at, "remove it");
        }

        if (previous is not null && TokenNames.IsKeyword(previous.Type) && StartsStatement(previous)
            && type is PplLexer.TILDE or PplLexer.ASSIGN or PplLexer.LBRACK)
        {
            return Error(DiagnosticCodes.KeywordAsName,
                $"'{previous.Text}' is a keyword and cannot be used as a name", Spans.Of(previous, file),
                "choose another name");
        }

        if (expected.Contains(PplLexer.TILDE) && Ancestor<PplParser.SampleStmtContext>(context) is { } sample)
        {
            return DescribeMissingTilde(offending, sample, at);
        }

        if (previous?.Type == PplLexer.BATCH && !expected.Contains(PplLexer.BATCH))
        {
            return Error(DiagnosticCodes.BatchWithoutSize, "'batch' needs a size, e.g. `batch 128`", at,
                "write the number of items per SVI step after 'batch'");
        }

        if (TokenNames.IsKeyword(type) && expected.Contains(PplLexer.NAME) && !expected.Contains(type))
        {
            return Error(DiagnosticCodes.KeywordAsName,
                $"'{offending.Text}' is a keyword and cannot be used as a name", Spans.Of(offending, file),
                "choose another name");
        }

        foreach (var (open, close) in new[] { (PplLexer.LPAREN, PplLexer.RPAREN), (PplLexer.LBRACK, PplLexer.RBRACK) })
        {
            if (expected.Contains(close) && EndsConstruct(type)
                && BracketScanner.UnclosedBefore(tokens, offending.TokenIndex, open, close) is { } opener)
            {
                return Error(DiagnosticCodes.UnclosedBracket,
                    $"expected '{TokenNames.Literal(close)}' to close the '{opener.Text}' opened at {opener.Line}:{opener.Column + 1}",
                    at);
            }
        }

        if (previous?.Type == PplLexer.TILDE && Ancestor<PplParser.SampleStmtContext>(context) is not null)
        {
            return Error(DiagnosticCodes.MissingDistributionCall,
                $"'~' must be followed by a distribution, found {TokenNames.Describe(offending)}", at,
                "e.g. `x ~ Normal(0, 1)`");
        }

        if (expected.Contains(PplLexer.LPAREN) && !expected.Contains(PplLexer.NUMBER)
            && context is PplParser.CallContext && context.Parent is PplParser.SampleStmtContext)
        {
            return Error(DiagnosticCodes.MissingDistributionCall,
                $"the distribution '{previous?.Text}' needs its parameters in parentheses", at,
                $"e.g. `{previous?.Text}(...)`");
        }

        if (expected.Contains(PplLexer.COMMA) && TokenNames.ExpressionStart.Contains(type) && previous is not null)
        {
            return Error(DiagnosticCodes.UnexpectedToken,
                $"expected ',' between '{previous.Text}' and '{offending.Text}'", Spans.Of(offending, file),
                "separate arguments and sizes with ','");
        }

        if (expected.Contains(PplLexer.NUMBER) && (IsLineEnd(type) || type is PplLexer.RPAREN or PplLexer.RBRACK
                or PplLexer.COMMA or PplLexer.RBRACE))
        {
            var after = previous is null ? string.Empty : $" after '{previous.Text}'";
            return Error(DiagnosticCodes.MissingExpression, $"expected an expression{after}", at);
        }

        if (expected.Contains(PplLexer.DATA))
        {
            return Error(DiagnosticCodes.ExpectedStatement,
                $"expected a statement, found {TokenNames.Describe(offending)}", Spans.Of(offending, file),
                "a statement starts with data, const, param, let, plate, net, guide, or a name followed by '~'");
        }

        if (expected.Contains(PplLexer.NEWLINE) && kind != SyntaxErrorKind.Missing
            && (type is PplLexer.NAME or PplLexer.NUMBER || TokenNames.IsKeyword(type)))
        {
            return Error(DiagnosticCodes.MissingSeparator,
                $"expected a new line or ';' before {TokenNames.Describe(offending)}", Spans.Of(offending, file),
                "write one statement per line");
        }

        var single = expected.Count == 1 ? expected.MinElement : -1;
        if (single >= 0 && previous is not null)
        {
            return Error(DiagnosticCodes.UnexpectedToken,
                $"expected {TokenNames.Expected(single)} after '{previous.Text}', found {TokenNames.Describe(offending)}", at);
        }

        var message = kind == SyntaxErrorKind.Unwanted
            ? $"unexpected {TokenNames.Describe(offending)}"
            : $"unexpected {TokenNames.Describe(offending)}; expected {TokenNames.ExpectedList(expected)}";
        return Error(DiagnosticCodes.UnexpectedToken, message, Spans.Of(offending, file),
            kind == SyntaxErrorKind.Unwanted ? "remove it" : null);
    }

    /// <summary>
    /// The diagnostic for each '{' still open at the end of the file, outermost first, leaving out
    /// the innermost <paramref name="alreadyReported"/> (braces already reported as out of place).
    /// </summary>
    public IEnumerable<Diagnostic> UnclosedBraces(int alreadyReported)
    {
        var last = tokens.LastOrDefault(t => t.Type is not (TokenConstants.EOF or PplLexer.NEWLINE or PplLexer.SEMI)
            && t.Channel == TokenConstants.DefaultChannel);
        var unclosed = BracketScanner.UnclosedBraces(tokens);
        foreach (var brace in unclosed.Take(Math.Max(0, unclosed.Count - alreadyReported)))
        {
            var owner = OwnerOf(brace);
            var where = owner ?? brace;
            var what = owner?.Type == PplLexer.GUIDE ? "guide" : owner is null ? "block" : "plate";
            yield return Error(DiagnosticCodes.UnclosedBracket,
                $"expected '}}' to close the {what} opened at {where.Line}:{where.Column + 1}",
                last is null ? Spans.Of(brace, file) : Spans.After(last, file),
                "add '}' where the block ends");
        }
    }

    private Diagnostic DescribeMissingTilde(IToken offending, PplParser.SampleStmtContext sample, SourceSpan at)
    {
        var name = sample.target()?.GetText() ?? "x";
        if (offending.Type == PplLexer.ASSIGN)
        {
            return Error(DiagnosticCodes.AssignInsteadOfSample,
                "'=' is not a sampling statement; did you mean '~'?", Spans.Of(offending, file),
                $"write `{name} ~ Dist(...)` for a random variable, or `let {name} = ...` for a deterministic value");
        }

        if (name is "for" or "foreach" && offending.Type == PplLexer.NAME)
        {
            return Error(DiagnosticCodes.ExpectedStatement,
                $"Ppl has no '{name}' loops; repeat statements with a plate", Spans.Of(sample.Start, file),
                "write `plate n in N { ... }`");
        }

        var keyword = _keywordWords.FirstOrDefault(k => EditDistance.IsOneEditAway(k, name));
        if (keyword is not null && offending.Type == PplLexer.NAME)
        {
            return Error(DiagnosticCodes.ExpectedStatement,
                $"unknown statement '{name}'; did you mean '{keyword}'?", Spans.Of(sample.Start, file));
        }

        return Error(DiagnosticCodes.MissingDistribution,
            $"'{name}' has no distribution: write `{name} ~ Dist(...)`", Spans.Of(sample.Start, file) with
            {
                Length = sample.target() is { } t ? Spans.Of(t, file).Length : 1,
            });
    }

    /// <summary>The nearest <c>plate</c> or <c>guide</c> keyword that a '{' belongs to.</summary>
    private IToken? OwnerOf(IToken brace)
    {
        for (var i = brace.TokenIndex - 1; i >= 0; i--)
        {
            var type = tokens[i].Type;
            if (type is PplLexer.PLATE or PplLexer.GUIDE)
            {
                return tokens[i];
            }

            if (type is PplLexer.NEWLINE or PplLexer.SEMI or PplLexer.LBRACE or PplLexer.RBRACE)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="token"/> is the first of its statement.</summary>
    private bool StartsStatement(IToken token) =>
        PreviousVisible(token.TokenIndex, skipNewlines: false) is not { } before
        || before.Type is PplLexer.NEWLINE or PplLexer.SEMI or PplLexer.LBRACE or PplLexer.RBRACE;

    /// <summary>The token before <paramref name="index"/> on the default channel, by default skipping newlines.</summary>
    private IToken? PreviousVisible(int index, bool skipNewlines = true)
    {
        for (var i = Math.Min(index, tokens.Count) - 1; i >= 0; i--)
        {
            if (tokens[i].Channel == TokenConstants.DefaultChannel && !(skipNewlines && tokens[i].Type == PplLexer.NEWLINE))
            {
                return tokens[i];
            }
        }

        return null;
    }

    private static bool IsLineEnd(int type) => type is PplLexer.NEWLINE or PplLexer.SEMI or TokenConstants.EOF;

    /// <summary>Tokens that cannot continue an expression, so a missing closer belongs before them.</summary>
    private static bool EndsConstruct(int type) =>
        IsLineEnd(type) || TokenNames.IsKeyword(type) || type is PplLexer.RBRACE or PplLexer.RPAREN
            or PplLexer.RBRACK or PplLexer.TILDE or PplLexer.ASSIGN or PplLexer.LBRACE;

    private static T? Ancestor<T>(RuleContext? context)
        where T : RuleContext
    {
        for (var c = context; c is not null; c = c.Parent)
        {
            if (c is T found)
            {
                return found;
            }

            if (c is PplParser.BlockContext)
            {
                return null;
            }
        }

        return null;
    }

    private static Diagnostic Error(string code, string message, SourceSpan span, string? hint = null) =>
        Diagnostic.Error(code, message, span, hint);
}
