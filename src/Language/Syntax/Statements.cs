namespace Ppl.Language.Syntax;

/// <summary>A statement of the language (DESIGN.md, "The language (v0)").</summary>
/// <param name="Span">The statement's source text.</param>
public abstract record Statement(SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>data NAME : TYPE</c>: an observed input bound at run time.</summary>
/// <param name="Name">The data variable.</param>
/// <param name="Type">Its declared type; size names first seen here are bound from the data's shape.</param>
/// <param name="Span">The statement.</param>
public sealed record DataDecl(Identifier Name, TypeRef Type, SourceSpan Span) : Statement(Span);

/// <summary><c>const NAME = EXPR</c>: a named constant.</summary>
/// <param name="Name">The constant.</param>
/// <param name="Value">Its value.</param>
/// <param name="Span">The statement.</param>
public sealed record ConstDecl(Identifier Name, Expr Value, SourceSpan Span) : Statement(Span);

/// <summary><c>param NAME : TYPE [= INIT]</c>: an unknown with no prior, estimated as a point.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Type">Its type (the constraint, e.g. <c>pos</c>, and sizes).</param>
/// <param name="Init">Optional initial value.</param>
/// <param name="Span">The statement.</param>
public sealed record ParamDecl(Identifier Name, TypeRef Type, Expr? Init, SourceSpan Span) : Statement(Span);

/// <summary>
/// <c>NAME[i, ...] [: TYPE] ~ DIST(...)</c>: a random variable, observed if NAME is data, latent otherwise.
/// </summary>
/// <param name="Target">The variable, with its element indices when inside a plate.</param>
/// <param name="Type">Optional declared type (e.g. <c>real[M]</c> for each element).</param>
/// <param name="Distribution">The distribution call, e.g. <c>Normal(0, precision: alpha)</c>.</param>
/// <param name="Span">The statement.</param>
public sealed record SampleStmt(SampleTarget Target, TypeRef? Type, CallExpr Distribution, SourceSpan Span)
    : Statement(Span);

/// <summary>The left of <c>~</c>: a name and, inside a plate, its indices (<c>x[n]</c>).</summary>
/// <param name="Name">The variable.</param>
/// <param name="Indices">Index expressions; empty for a whole variable.</param>
/// <param name="Span">The target text.</param>
public sealed record SampleTarget(Identifier Name, IReadOnlyList<Expr> Indices, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>let NAME = EXPR</c>: a deterministic value.</summary>
/// <param name="Name">The value's name.</param>
/// <param name="Value">Its definition.</param>
/// <param name="Span">The statement.</param>
public sealed record LetStmt(Identifier Name, Expr Value, SourceSpan Span) : Statement(Span);

/// <summary>
/// <c>plate I in SIZE [batch B] { ... }</c>: conditionally independent copies indexed 0..SIZE-1;
/// with <c>batch</c>, SVI subsamples B per step and scales the log-likelihood by SIZE/B.
/// </summary>
/// <param name="Index">The index variable.</param>
/// <param name="Size">The number of copies.</param>
/// <param name="Batch">Optional minibatch size.</param>
/// <param name="Body">Statements inside the plate.</param>
/// <param name="Span">The statement, braces included.</param>
public sealed record PlateStmt(Identifier Index, Expr Size, Expr? Batch, IReadOnlyList<Statement> Body, SourceSpan Span)
    : Statement(Span);

/// <summary>
/// <c>net NAME = mlp(A -> H -> ... -> B [, act: ...] [, dropout: P] [, prior: DIST])</c>: a neural network.
/// With a prior its weights are latent (Bayes by Backprop); without, they are learned parameters.
/// </summary>
/// <param name="Name">The network, callable as a function in expressions.</param>
/// <param name="Kind">The architecture's name as written (<c>mlp</c>).</param>
/// <param name="Layers">Layer widths from input to output (at least two).</param>
/// <param name="Activation">Hidden-layer activation, or null for the default.</param>
/// <param name="Dropout">Dropout probability, or null for none.</param>
/// <param name="Prior">Prior on every weight, or null for learned weights.</param>
/// <param name="Span">The statement.</param>
public sealed record NetDecl(
    Identifier Name,
    Identifier Kind,
    IReadOnlyList<Expr> Layers,
    Activation? Activation,
    Expr? Dropout,
    CallExpr? Prior,
    SourceSpan Span) : Statement(Span);

/// <summary>The hidden-layer activation of a <see cref="NetDecl"/>.</summary>
public enum Activation
{
    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>tanh(x).</summary>
    Tanh,

    /// <summary>1 / (1 + exp(-x)).</summary>
    Sigmoid,

    /// <summary>log(1 + exp(x)).</summary>
    Softplus,
}

/// <summary><c>guide { ... }</c>: the variational family for SVI.</summary>
/// <param name="Body">Its <c>param</c>s, <c>net</c>s, <c>let</c>s, plates and one <c>~</c> per covered latent.</param>
/// <param name="Span">The block, braces included.</param>
public sealed record GuideBlock(IReadOnlyList<Statement> Body, SourceSpan Span) : Statement(Span);
