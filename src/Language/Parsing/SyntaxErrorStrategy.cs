using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Ppl.Language.Diagnostics;
using Ppl.Language.Generated;

namespace Ppl.Language.Parsing;

/// <summary>
/// ANTLR's error strategy with Ppl's messages and statement-level recovery: after an error the
/// parser skips to the end of the statement (a newline, ';' or '}'), and any further error in the
/// same statement is not reported, so that each real mistake gives one message.
/// </summary>
internal sealed class SyntaxErrorStrategy(
    IReadOnlyList<IToken> tokens,
    SyntaxErrorMessages messages,
    DiagnosticBag diagnostics) : DefaultErrorStrategy
{
    private readonly bool _hasUnclosedBraces = BracketScanner.UnclosedBraces(tokens).Count > 0;
    private readonly HashSet<(int Index, int State)> _recoveredAt = [];
    private readonly List<int> _errorTokens = [];
    private int _quietThrough = -1;

    /// <summary>Token indices at which syntax errors were reported, in order.</summary>
    public IReadOnlyList<int> ErrorTokens => _errorTokens;

    /// <summary>
    /// How many errors were reported at a '{'. Such a brace is usually extra, and the brace scan
    /// would otherwise report one more unclosed block for it.
    /// </summary>
    public int ExtraBracesReported { get; private set; }

    /// <inheritdoc />
    public override void ReportError(Parser recognizer, RecognitionException e)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        var expected = e.GetExpectedTokens() ?? new IntervalSet();
        Report(e.OffendingToken ?? recognizer.CurrentToken, expected, e.Context ?? recognizer.Context, SyntaxErrorKind.Mismatch);
    }

    /// <inheritdoc />
    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        Report(recognizer.CurrentToken, GetExpectedTokens(recognizer), recognizer.Context, SyntaxErrorKind.Unwanted);
    }

    /// <inheritdoc />
    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        Report(recognizer.CurrentToken, GetExpectedTokens(recognizer), recognizer.Context, SyntaxErrorKind.Missing);
    }

    /// <summary>Never drops a statement separator to patch a statement: that would merge two lines' errors.</summary>
    protected override IToken? SingleTokenDeletion(Parser recognizer)
    {
        var type = recognizer.InputStream.LA(1);
        return type is PplLexer.NEWLINE or PplLexer.SEMI ? null : base.SingleTokenDeletion(recognizer);
    }

    /// <summary>Never invents a '{': the statements after it would become a block that ends nowhere.</summary>
    /// <param name="recognizer">The parser.</param>
    /// <returns>True when the parser may go on as if the missing token were there.</returns>
    protected override bool SingleTokenInsertion(Parser recognizer) =>
        !GetExpectedTokens(recognizer).Contains(PplLexer.LBRACE) && base.SingleTokenInsertion(recognizer);

    /// <summary>ANTLR's resynchronisation, but a block met on the way is skipped whole.</summary>
    /// <param name="recognizer">The parser.</param>
    /// <param name="set">Tokens to stop at.</param>
    protected override void ConsumeUntil(Parser recognizer, IntervalSet set)
    {
        var depth = 0;
        for (var type = recognizer.InputStream.LA(1); type != TokenConstants.EOF; type = recognizer.InputStream.LA(1))
        {
            if (depth == 0 && set.Contains(type))
            {
                return;
            }

            depth += type switch
            {
                PplLexer.LBRACE => 1,
                PplLexer.RBRACE when depth > 0 => -1,
                _ => 0,
            };
            recognizer.Consume();
        }
    }

    /// <summary>Skips to the end of the current statement, without consuming the separator.</summary>
    /// <param name="recognizer">The parser.</param>
    /// <param name="e">The error being recovered from.</param>
    public override void Recover(Parser recognizer, RecognitionException e)
    {
        var input = recognizer.InputStream;
        if (!_recoveredAt.Add((input.Index, recognizer.State)) && input.LA(1) != TokenConstants.EOF)
        {
            // Recovering twice at the same place and state would loop: make progress.
            recognizer.Consume();
        }

        // A '{' skipped here opens the broken statement's block: skip the block whole, so that its
        // '}' is not taken for the end of an enclosing block or reported as unmatched.
        var depth = 0;
        while (true)
        {
            var type = input.LA(1);
            if (type == TokenConstants.EOF
                || (depth == 0 && type is PplLexer.NEWLINE or PplLexer.SEMI)
                || (depth == 0 && type == PplLexer.RBRACE && InsideBlock(recognizer.Context)))
            {
                return;
            }

            depth += type switch
            {
                PplLexer.LBRACE => 1,
                PplLexer.RBRACE when depth > 0 => -1,
                _ => 0,
            };
            recognizer.Consume();
        }
    }

    private void Report(IToken offending, IntervalSet expected, RuleContext? context, SyntaxErrorKind kind)
    {
        if (offending.TokenIndex >= 0 && offending.TokenIndex <= _quietThrough)
        {
            return;
        }

        _quietThrough = EndOfStatement(offending.TokenIndex);
        if (offending.Type == TokenConstants.EOF && _hasUnclosedBraces)
        {
            return; // reported once per brace by SyntaxErrorMessages.UnclosedBraces
        }

        diagnostics.Add(messages.Describe(offending, expected, context, kind));
        _errorTokens.Add(offending.TokenIndex);
        if (offending.Type == PplLexer.LBRACE)
        {
            ExtraBracesReported++;
        }
    }

    /// <summary>Index of the separator (or EOF) that ends the statement holding token <paramref name="index"/>.</summary>
    private int EndOfStatement(int index)
    {
        for (var i = Math.Max(0, index); i < tokens.Count; i++)
        {
            if (tokens[i].Type is PplLexer.NEWLINE or PplLexer.SEMI or TokenConstants.EOF)
            {
                return i;
            }
        }

        return tokens.Count;
    }

    private static bool InsideBlock(RuleContext? context)
    {
        for (var c = context; c is not null; c = c.Parent)
        {
            if (c is PplParser.BlockContext)
            {
                return true;
            }
        }

        return false;
    }
}
