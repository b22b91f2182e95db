namespace Ppl.Language.Syntax;

/// <summary>An expression.</summary>
/// <param name="Span">The expression's source text (parentheses excluded).</param>
public abstract record Expr(SourceSpan Span) : SyntaxNode(Span);

/// <summary>A numeric literal such as <c>3</c>, <c>0.5</c> or <c>1e-2</c>.</summary>
/// <param name="Value">The value as a double.</param>
/// <param name="Text">The literal as written.</param>
/// <param name="Span">Where it is written.</param>
public sealed record NumberLit(double Value, string Text, SourceSpan Span) : Expr(Span)
{
    /// <summary>True when written without a point or exponent (<c>128</c>), as sizes are.</summary>
    public bool IsInteger => Text.AsSpan().IndexOfAny(".eE") < 0;
}

/// <summary>An array literal such as <c>[0.5, 0.5]</c>.</summary>
/// <param name="Elements">The elements in order.</param>
/// <param name="Span">The literal, brackets included.</param>
public sealed record ArrayLit(IReadOnlyList<Expr> Elements, SourceSpan Span) : Expr(Span);

/// <summary>A reference to a named value (data, const, param, latent, let, plate index, net, size).</summary>
/// <param name="Name">The name.</param>
/// <param name="Span">Where it is written.</param>
public sealed record NameRef(string Name, SourceSpan Span) : Expr(Span);

/// <summary>The binary operators, from the tightest binding to the loosest.</summary>
public enum BinaryOp
{
    /// <summary><c>^</c>, right-associative.</summary>
    Power,

    /// <summary><c>@</c>, matrix product.</summary>
    MatMul,

    /// <summary><c>*</c>, elementwise.</summary>
    Multiply,

    /// <summary><c>/</c>, elementwise.</summary>
    Divide,

    /// <summary><c>+</c>, elementwise.</summary>
    Add,

    /// <summary><c>-</c>, elementwise.</summary>
    Subtract,
}

/// <summary>A binary operation.</summary>
/// <param name="Op">The operator.</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
/// <param name="Span">The whole operation.</param>
public sealed record BinaryExpr(BinaryOp Op, Expr Left, Expr Right, SourceSpan Span) : Expr(Span);

/// <summary>The unary operators.</summary>
public enum UnaryOp
{
    /// <summary><c>-x</c>.</summary>
    Negate,
}

/// <summary>A unary operation, e.g. <c>-x</c>. Binds looser than <c>^</c> (<c>-x^2</c> is <c>-(x^2)</c>).</summary>
/// <param name="Op">The operator.</param>
/// <param name="Operand">The operand.</param>
/// <param name="Span">The whole operation.</param>
public sealed record UnaryExpr(UnaryOp Op, Expr Operand, SourceSpan Span) : Expr(Span);

/// <summary>Indexing or slicing: <c>x[n]</c>, <c>mu[z[n]]</c>, <c>X[n, 0]</c>, <c>h[0:Z]</c>. Indices are 0-based.</summary>
/// <param name="Target">The indexed value.</param>
/// <param name="Indices">One entry per indexed axis.</param>
/// <param name="Span">The whole expression.</param>
public sealed record IndexExpr(Expr Target, IReadOnlyList<IndexArg> Indices, SourceSpan Span) : Expr(Span);

/// <summary>One axis of an <see cref="IndexExpr"/>.</summary>
/// <param name="Span">The index text.</param>
public abstract record IndexArg(SourceSpan Span) : SyntaxNode(Span);

/// <summary>A single position on an axis: <c>x[n]</c>.</summary>
/// <param name="Index">The 0-based position.</param>
/// <param name="Span">The index text.</param>
public sealed record PointIndex(Expr Index, SourceSpan Span) : IndexArg(Span);

/// <summary>A half-open range on an axis: <c>h[lo:hi]</c> takes lo..hi-1; a missing bound means the axis end.</summary>
/// <param name="Lower">First position taken, or null for 0.</param>
/// <param name="Upper">First position not taken, or null for the axis length.</param>
/// <param name="Span">The slice text.</param>
public sealed record SliceIndex(Expr? Lower, Expr? Upper, SourceSpan Span) : IndexArg(Span);

/// <summary>
/// A call: a function (<c>exp(x)</c>, <c>zeros(n)</c>), a network (<c>decoder(z[n])</c>) or a
/// distribution (<c>Normal(0, precision: alpha)</c>). Positional arguments come first.
/// </summary>
/// <param name="Callee">The called name.</param>
/// <param name="Arguments">Positional arguments in order.</param>
/// <param name="NamedArguments">Named arguments in order.</param>
/// <param name="Span">The whole call.</param>
public sealed record CallExpr(
    Identifier Callee,
    IReadOnlyList<Expr> Arguments,
    IReadOnlyList<NamedArgument> NamedArguments,
    SourceSpan Span) : Expr(Span)
{
    /// <summary>The named argument called <paramref name="name"/>, or null.</summary>
    /// <param name="name">The argument's name, e.g. <c>precision</c>.</param>
    /// <returns>The argument or null.</returns>
    public NamedArgument? Named(string name) => NamedArguments.FirstOrDefault(a => a.Name.Text == name);
}

/// <summary>A named argument <c>name: value</c>.</summary>
/// <param name="Name">The argument's name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Span">The argument text.</param>
public sealed record NamedArgument(Identifier Name, Expr Value, SourceSpan Span) : SyntaxNode(Span);
