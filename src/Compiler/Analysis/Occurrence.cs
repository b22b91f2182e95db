using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Analysis;

/// <summary>How a latent enters an expression, from the most to the least tractable.</summary>
public enum OccurrenceKind
{
    /// <summary>The expression does not depend on the latent.</summary>
    Absent,

    /// <summary>The expression is the latent itself, possibly indexed by plates or by a discrete latent (<c>mu[z[n]]</c>).</summary>
    Direct,

    /// <summary>The latent times a factor that does not depend on it (<c>c * tau</c>).</summary>
    Scaled,

    /// <summary>An affine function of the latent: sums, differences and products with factors free of it, matrix
    /// products (<c>X @ w</c>, <c>W @ z[n] + mu</c>).</summary>
    Affine,

    /// <summary>The latent used as an index into other values (<c>mu[z[n]]</c>): the mixture pattern.</summary>
    Index,

    /// <summary>Anything else: a nonlinear function, a network, a division by the latent, a power.</summary>
    Nonlinear,
}

/// <summary>How a latent occurs in an expression, with the sub-expression that makes it nonlinear.</summary>
/// <param name="Kind">The kind of occurrence.</param>
/// <param name="Culprit">For <see cref="OccurrenceKind.Nonlinear"/>, the sub-expression responsible; else null.</param>
public readonly record struct Occurrence(OccurrenceKind Kind, IrExpr? Culprit = null)
{
    /// <summary>The latent does not occur.</summary>
    public static Occurrence Absent { get; } = new(OccurrenceKind.Absent);

    /// <summary>True when the latent occurs.</summary>
    public bool IsPresent => Kind != OccurrenceKind.Absent;
}
