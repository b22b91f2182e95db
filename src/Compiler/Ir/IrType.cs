namespace Ppl.Compiler.Ir;

/// <summary>
/// The type of a value: the domain of its elements and its shape (plate axes excluded).
/// For <see cref="ValueKind.Simplex"/> the last axis is the event; for <see cref="ValueKind.Cov"/>
/// the last two (<c>cov[K, D]</c> has shape <c>[K, D, D]</c>).
/// </summary>
/// <param name="Kind">The element domain.</param>
/// <param name="Shape">The shape.</param>
public sealed record IrType(ValueKind Kind, Shape Shape)
{
    /// <summary>A real scalar.</summary>
    public static IrType RealScalar { get; } = new(ValueKind.Real, Shape.Scalar);

    /// <summary>How many trailing axes form one event (0 for elementwise kinds).</summary>
    public int EventRank => Kind switch
    {
        ValueKind.Simplex => 1,
        ValueKind.Cov => 2,
        _ => 0,
    };

    /// <summary>True for integer-valued kinds (usable as an index or a count).</summary>
    public bool IsDiscrete => Kind is ValueKind.Int or ValueKind.Bool;

    /// <inheritdoc/>
    public override string ToString() => Kind.ToString().ToLowerInvariant() + (Shape.Rank == 0 ? "" : Shape.ToString());
}
