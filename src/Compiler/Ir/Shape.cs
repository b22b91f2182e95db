using System.Collections.Immutable;

namespace Ppl.Compiler.Ir;

/// <summary>
/// The shape of a value, outermost axis first, excluding the axes of the plates the value sits in
/// (those are listed separately, see <see cref="IrExpr.Plates"/>). Equality is structural.
/// </summary>
public sealed class Shape : IEquatable<Shape>
{
    /// <summary>Creates a shape from its dimensions.</summary>
    /// <param name="dims">Dimensions, outermost first.</param>
    public Shape(ImmutableArray<Size> dims) => Dims = dims.IsDefault ? [] : dims;

    /// <summary>The shape of a scalar.</summary>
    public static Shape Scalar { get; } = new([]);

    /// <summary>Dimensions, outermost first.</summary>
    public ImmutableArray<Size> Dims { get; }

    /// <summary>Number of axes.</summary>
    public int Rank => Dims.Length;

    /// <summary>A shape from sizes.</summary>
    /// <param name="dims">Dimensions, outermost first.</param>
    /// <returns>The shape.</returns>
    public static Shape Of(params Size[] dims) => new([.. dims]);

    /// <summary>A shape from literal sizes.</summary>
    /// <param name="dims">Dimensions, outermost first.</param>
    /// <returns>The shape.</returns>
    public static Shape Of(params int[] dims) => new([.. dims.Select(Size.Of)]);

    /// <summary>This shape with <paramref name="outer"/> axes put in front.</summary>
    /// <param name="outer">Axes to prepend.</param>
    /// <returns>The longer shape.</returns>
    public Shape Prepend(IEnumerable<Size> outer) => new([.. outer, .. Dims]);

    /// <summary>This shape without its first <paramref name="count"/> axes.</summary>
    /// <param name="count">Axes to drop.</param>
    /// <returns>The shorter shape.</returns>
    public Shape DropLeading(int count) => new(Dims[count..]);

    /// <inheritdoc/>
    public bool Equals(Shape? other) => other is not null && Dims.SequenceEqual(other.Dims);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Shape);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in Dims)
        {
            hash.Add(d);
        }
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(", ", Dims) + "]";
}
