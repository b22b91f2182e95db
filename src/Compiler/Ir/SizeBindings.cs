using System.Collections.Immutable;

namespace Ppl.Compiler.Ir;

/// <summary>The values of a model's named sizes once data is bound (<c>N = 100</c>, <c>D = 3</c>).</summary>
/// <param name="Values">Size name to value.</param>
public sealed record SizeBindings(ImmutableDictionary<string, int> Values)
{
    /// <summary>No bindings (checking without data).</summary>
    public static SizeBindings Empty { get; } = new(ImmutableDictionary<string, int>.Empty);

    /// <summary>The value of <paramref name="size"/>, or null when it is a name not bound yet.</summary>
    /// <param name="size">A size.</param>
    /// <returns>Its value or null.</returns>
    public int? Resolve(Size size) =>
        size.IsKnown ? size.Value : Values.TryGetValue(size.Name!, out var v) ? v : null;

    /// <summary>The concrete dimensions of <paramref name="shape"/>, or null if any size is unbound.</summary>
    /// <param name="shape">A shape.</param>
    /// <returns>The dimensions or null.</returns>
    public int[]? Resolve(Shape shape)
    {
        var dims = new int[shape.Rank];
        for (var i = 0; i < dims.Length; i++)
        {
            if (Resolve(shape.Dims[i]) is not int d)
            {
                return null;
            }
            dims[i] = d;
        }
        return dims;
    }
}
