using System.Diagnostics.CodeAnalysis;

namespace Ppl.Language.Syntax;

/// <summary>
/// A type as written: a kind and its sizes, e.g. <c>real[N, D]</c>, <c>simplex[K]</c>, <c>pos</c>.
/// For <c>simplex</c> and <c>cov</c> the last size is the event size and earlier sizes are array sizes.
/// </summary>
/// <param name="Kind">The element kind.</param>
/// <param name="Sizes">Size expressions, outermost first; empty for a scalar.</param>
/// <param name="Span">The type text.</param>
public sealed record TypeRef(TypeKind Kind, IReadOnlyList<Expr> Sizes, SourceSpan Span) : SyntaxNode(Span);

/// <summary>The kinds of value a type can describe.</summary>
public enum TypeKind
{
    /// <summary>A real number.</summary>
    Real,

    /// <summary>An integer.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "It is the language's keyword `int`.")]
    Int,

    /// <summary>A boolean (0 or 1 under Bernoulli).</summary>
    Bool,

    /// <summary>A positive real.</summary>
    Pos,

    /// <summary>A probability in [0, 1].</summary>
    Prob,

    /// <summary>A vector of non-negative reals summing to one.</summary>
    Simplex,

    /// <summary>A symmetric positive definite matrix.</summary>
    Cov,
}
