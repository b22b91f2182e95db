using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Ppl.Language.Diagnostics;
using Ppl.Language.Generated;
using Ppl.Language.Syntax;

namespace Ppl.Language.Parsing;

/// <summary>
/// The one visitor that turns Ppl's parse tree into the AST. A statement the parser had to repair
/// is left out (its syntax error is already reported); checks that the grammar leaves open
/// (type names, <c>net</c> options, argument order) are reported here.
/// </summary>
/// <param name="file">The file name for spans.</param>
/// <param name="diagnostics">Where the builder's own diagnostics go.</param>
/// <param name="tokens">The parser's tokens.</param>
/// <param name="errorTokens">
/// Token indices at which syntax errors were reported: a statement followed by one on its line is
/// left out too, so that a mistake is not reported twice (once by the parser, once here).
/// </param>
internal sealed class AstBuilder(
    string file,
    DiagnosticBag diagnostics,
    IReadOnlyList<IToken> tokens,
    IReadOnlyList<int> errorTokens) : PplBaseVisitor<SyntaxNode>
{
    private readonly IReadOnlyList<IToken> _tokens = tokens;
    private readonly IReadOnlyList<int> _errorTokens = errorTokens;

    private int _guideDepth;

    /// <summary>Builds the file's AST.</summary>
    public ModelFile Build(PplParser.ModelFileContext context) =>
        new(file, Statements(context.statement()), Spans.Of(context, file));

    /// <inheritdoc />
    public override SyntaxNode VisitDataDecl(PplParser.DataDeclContext context) =>
        new DataDecl(Name(context.NAME()), TypeOf(context.typeRef()), Span(context));

    /// <inheritdoc />
    public override SyntaxNode VisitConstDecl(PplParser.ConstDeclContext context) =>
        new ConstDecl(Name(context.NAME()), Expr(context.expr()), Span(context));

    /// <inheritdoc />
    public override SyntaxNode VisitParamDecl(PplParser.ParamDeclContext context) =>
        new ParamDecl(Name(context.NAME()), TypeOf(context.typeRef()),
            context.expr() is { } init ? Expr(init) : null, Span(context));

    /// <inheritdoc />
    public override SyntaxNode VisitLetStmt(PplParser.LetStmtContext context) =>
        new LetStmt(Name(context.NAME()), Expr(context.expr()), Span(context));

    /// <inheritdoc />
    public override SyntaxNode VisitSampleStmt(PplParser.SampleStmtContext context)
    {
        var target = context.target();
        var sampleTarget = new SampleTarget(Name(target.NAME()), [.. target.expr().Select(Expr)], Span(target));
        var type = context.typeRef() is { } t ? TypeOf(t) : null;
        return new SampleStmt(sampleTarget, type, Call(context.call()), Span(context));
    }

    /// <inheritdoc />
    public override SyntaxNode VisitPlateStmt(PplParser.PlateStmtContext context)
    {
        var sizes = context.expr();
        var batch = sizes.Length > 1 ? Expr(sizes[1]) : null;
        return new PlateStmt(Name(context.NAME()), Expr(sizes[0]), batch, Block(context.block()), Span(context));
    }

    /// <inheritdoc />
    public override SyntaxNode VisitGuideBlock(PplParser.GuideBlockContext context)
    {
        if (_guideDepth > 0)
        {
            diagnostics.Error(DiagnosticCodes.NestedGuide, "a guide block cannot contain another guide block",
                Spans.Of(context.GUIDE().Symbol, file), "write a single guide { ... } at the top level");
        }

        _guideDepth++;
        var body = Block(context.block());
        _guideDepth--;
        return new GuideBlock(body, Span(context));
    }

    /// <inheritdoc />
    public override SyntaxNode VisitNetDecl(PplParser.NetDeclContext context) =>
        NetDeclarations.Build(context, this, file, diagnostics);

    /// <inheritdoc />
    public override SyntaxNode VisitIndexExpr(PplParser.IndexExprContext context) =>
        new IndexExpr(Expr(context.expr()), [.. context.indexArg().Select(IndexArgument)], Span(context));

    /// <inheritdoc />
    public override SyntaxNode VisitPowerExpr(PplParser.PowerExprContext context) =>
        Binary(BinaryOp.Power, context.expr(0), context.expr(1), context);

    /// <inheritdoc />
    public override SyntaxNode VisitNegateExpr(PplParser.NegateExprContext context) =>
        new UnaryExpr(UnaryOp.Negate, Expr(context.expr()), Span(context));

    /// <inheritdoc />
    public override SyntaxNode VisitMatMulExpr(PplParser.MatMulExprContext context) =>
        Binary(BinaryOp.MatMul, context.expr(0), context.expr(1), context);

    /// <inheritdoc />
    public override SyntaxNode VisitMulExpr(PplParser.MulExprContext context) =>
        Binary(context.op.Type == PplLexer.STAR ? BinaryOp.Multiply : BinaryOp.Divide, context.expr(0), context.expr(1), context);

    /// <inheritdoc />
    public override SyntaxNode VisitAddExpr(PplParser.AddExprContext context) =>
        Binary(context.op.Type == PplLexer.PLUS ? BinaryOp.Add : BinaryOp.Subtract, context.expr(0), context.expr(1), context);

    /// <inheritdoc />
    public override SyntaxNode VisitCallExpr(PplParser.CallExprContext context) => Call(context.call());

    /// <inheritdoc />
    public override SyntaxNode VisitNameExpr(PplParser.NameExprContext context) =>
        new NameRef(context.NAME().GetText(), Span(context));

    /// <inheritdoc />
    public override SyntaxNode VisitNumberExpr(PplParser.NumberExprContext context)
    {
        var text = context.NUMBER().GetText();
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            diagnostics.Error(DiagnosticCodes.InvalidNumber, $"the number '{text}' is too large", Span(context),
                "numbers must fit a 64-bit float (at most about 1.8e308)");
        }

        return new NumberLit(value, text, Span(context));
    }

    /// <inheritdoc />
    public override SyntaxNode VisitArrayExpr(PplParser.ArrayExprContext context) =>
        new ArrayLit([.. context.expr().Select(Expr)], Span(context));

    /// <inheritdoc />
    public override SyntaxNode VisitParenExpr(PplParser.ParenExprContext context) => Expr(context.expr());

    /// <summary>Builds an expression.</summary>
    internal Expr Expr(PplParser.ExprContext context) => (Expr)Visit(context);

    /// <summary>Builds a call, checking that positional arguments come before named ones, each name once.</summary>
    internal CallExpr Call(PplParser.CallContext context)
    {
        var (positional, named) = Arguments(context.argument(), "call");
        return new CallExpr(Name(context.NAME()), positional, named, Span(context));
    }

    /// <summary>Splits an argument list into positional and named arguments, reporting misplaced or repeated ones.</summary>
    internal (List<Expr> Positional, List<NamedArgument> Named) Arguments(
        IEnumerable<PplParser.ArgumentContext> arguments, string what)
    {
        var positional = new List<Expr>();
        var named = new List<NamedArgument>();
        foreach (var argument in arguments)
        {
            if (argument is PplParser.NamedArgumentContext n)
            {
                var name = Name(n.NAME());
                if (named.Exists(a => a.Name.Text == name.Text))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidArguments,
                        $"the argument '{name.Text}' is given twice in this {what}", name.Span);
                }

                named.Add(new NamedArgument(name, Expr(n.expr()), Span(n)));
            }
            else if (argument is PplParser.PositionalArgumentContext p)
            {
                if (named.Count > 0)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidArguments,
                        "a positional argument cannot follow a named one", Span(p),
                        "put positional arguments first, e.g. `Normal(0, precision: tau)`");
                }

                positional.Add(Expr(p.expr()));
            }
        }

        return (positional, named);
    }

    /// <summary>An identifier from a NAME token.</summary>
    internal Identifier Name(ITerminalNode node) => new(node.GetText(), Spans.Of(node.Symbol, file));

    /// <summary>The span of a rule.</summary>
    internal SourceSpan Span(ParserRuleContext context) => Spans.Of(context, file);

    private List<Statement> Block(PplParser.BlockContext? context) =>
        context is null ? [] : Statements(context.statement());

    private List<Statement> Statements(IEnumerable<PplParser.StatementContext> statements)
    {
        var result = new List<Statement>();
        foreach (var statement in statements)
        {
            if (IsIntact(statement) && !HasErrorAfter(statement))
            {
                result.Add((Statement)Visit(statement));
            }
        }

        return result;
    }

    private TypeRef TypeOf(PplParser.TypeRefContext context)
    {
        var kindContext = context.typeKind();
        var kind = kindContext.Start.Type switch
        {
            PplLexer.REAL => TypeKind.Real,
            PplLexer.INT => TypeKind.Int,
            PplLexer.BOOL => TypeKind.Bool,
            PplLexer.POS => TypeKind.Pos,
            PplLexer.PROB => TypeKind.Prob,
            PplLexer.SIMPLEX => TypeKind.Simplex,
            PplLexer.COV => TypeKind.Cov,
            _ => UnknownType(kindContext),
        };
        return new TypeRef(kind, [.. context.expr().Select(Expr)], Span(context));
    }

    private TypeKind UnknownType(PplParser.TypeKindContext context)
    {
        var name = context.GetText();
        var known = new[] { "real", "int", "bool", "pos", "prob", "simplex", "cov" };
        var guess = known.FirstOrDefault(k => EditDistance.IsOneEditAway(k, name));
        diagnostics.Error(DiagnosticCodes.UnknownType,
            guess is null ? $"unknown type '{name}'" : $"unknown type '{name}'; did you mean '{guess}'?",
            Span(context), "the types are real, int, bool, pos, prob, simplex[K] and cov[D]");
        return TypeKind.Real;
    }

    private IndexArg IndexArgument(PplParser.IndexArgContext context) => context switch
    {
        PplParser.SliceIndexContext s => new SliceIndex(
            s.lower is null ? null : Expr(s.lower), s.upper is null ? null : Expr(s.upper), Span(s)),
        PplParser.PointIndexContext p => new PointIndex(Expr(p.expr()), Span(p)),
        _ => throw new InvalidOperationException($"unexpected index form {context.GetType().Name}"),
    };

    private BinaryExpr Binary(BinaryOp op, PplParser.ExprContext left, PplParser.ExprContext right, ParserRuleContext whole) =>
        new(op, Expr(left), Expr(right), Span(whole));

    /// <summary>True when a syntax error was reported after the statement but before the end of its line.</summary>
    private bool HasErrorAfter(PplParser.StatementContext statement)
    {
        if (_errorTokens.Count == 0 || statement.Stop is null)
        {
            return false;
        }

        var end = statement.Stop.TokenIndex;
        var lineEnd = end + 1;
        while (lineEnd < _tokens.Count && _tokens[lineEnd].Type is not (PplLexer.NEWLINE or PplLexer.SEMI or TokenConstants.EOF))
        {
            lineEnd++;
        }

        return _errorTokens.Any(index => index > end && index <= lineEnd);
    }

    /// <summary>
    /// True when the parser did not have to repair the statement's own tokens; statements in
    /// nested blocks are judged on their own.
    /// </summary>
    private static bool IsIntact(IParseTree tree)
    {
        switch (tree)
        {
            case IErrorNode:
                return false;
            case PplParser.BlockContext:
                return true;
            case ParserRuleContext rule:
                if (rule.exception is not null)
                {
                    return false;
                }

                for (var i = 0; i < rule.ChildCount; i++)
                {
                    if (!IsIntact(rule.GetChild(i)))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
