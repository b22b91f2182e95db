using System.Collections.Immutable;
using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// Shape arithmetic on symbolic sizes: equality (a const size equals its value), NumPy broadcasting,
/// matrix products, and the text of a shape for messages — with resolved values when data sizes are
/// known (<c>[N] = [100]</c>).
/// </summary>
/// <param name="Consts">Sizes fixed by consts (<c>K = 3</c>).</param>
/// <param name="Bindings">Sizes bound from data, when data is given; used only in messages.</param>
internal sealed record ShapeRules(IReadOnlyDictionary<string, int> Consts, SizeBindings Bindings)
{
    /// <summary>The value of a size when it is known before data is bound.</summary>
    public int? Known(Size size) => size.IsKnown ? size.Value : Consts.TryGetValue(size.Name!, out var v) ? v : null;

    /// <summary>True when two sizes are certainly equal: the same name, or the same known value.</summary>
    public bool Same(Size a, Size b) => a == b || (Known(a) is int x && Known(b) is int y && x == y);

    /// <summary>True when two shapes are certainly equal.</summary>
    public bool Same(Shape a, Shape b) => a.Rank == b.Rank && a.Dims.Zip(b.Dims).All(p => Same(p.First, p.Second));

    /// <summary>NumPy broadcasting (trailing axes aligned; a literal 1 stretches), or null when the shapes clash.</summary>
    public Shape? Broadcast(Shape a, Shape b)
    {
        var rank = Math.Max(a.Rank, b.Rank);
        var dims = new Size[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Rank ? (Size?)null : a.Dims[i - (rank - a.Rank)];
            var db = i < rank - b.Rank ? (Size?)null : b.Dims[i - (rank - b.Rank)];
            if (da is null || (Known(da.Value) == 1 && db is not null))
            {
                dims[i] = db!.Value;
            }
            else if (db is null || Known(db.Value) == 1 || Same(da.Value, db.Value))
            {
                dims[i] = da.Value.IsKnown && db is { IsKnown: false } named ? named : da.Value;
            }
            else
            {
                return null;
            }
        }
        return new Shape([.. dims]);
    }

    /// <summary>True when a value of shape <paramref name="from"/> broadcasts to exactly <paramref name="to"/>.</summary>
    public bool BroadcastsTo(Shape from, Shape to) => Broadcast(from, to) is { } r && Same(r, to);

    /// <summary>The shape of <c>a @ b</c>, or null when the inner sizes differ or a rank is not 1 or 2.</summary>
    public Shape? MatMul(Shape a, Shape b) => (a.Rank, b.Rank) switch
    {
        (2, 2) when Same(a.Dims[1], b.Dims[0]) => Shape.Of(a.Dims[0], b.Dims[1]),
        (2, 1) when Same(a.Dims[1], b.Dims[0]) => Shape.Of(a.Dims[0]),
        (1, 2) when Same(a.Dims[0], b.Dims[0]) => Shape.Of(b.Dims[1]),
        (1, 1) when Same(a.Dims[0], b.Dims[0]) => Shape.Scalar,
        _ => null,
    };

    /// <summary>A shape for messages: <c>[N, 3]</c>, or <c>[N, 3] = [100, 3]</c> when data binds N.</summary>
    public string Describe(Shape shape)
    {
        var text = shape.ToString();
        if (shape.Dims.All(d => d.IsKnown || Consts.ContainsKey(d.Name!)))
        {
            return text;
        }
        var values = shape.Dims.Select(d => Bindings.Resolve(d) ?? Known(d)).ToArray();
        return values.All(v => v is not null) ? $"{text} = [{string.Join(", ", values)}]" : text;
    }

    /// <summary>A size for messages: <c>N</c> or <c>N = 100</c>.</summary>
    public string Describe(Size size) =>
        size.IsKnown || Consts.ContainsKey(size.Name!) || Bindings.Resolve(size) is not int v ? size.ToString() : $"{size} = {v}";

    /// <summary>A shape from a type's kind and sizes: <c>cov[K, D]</c> is <c>[K, D, D]</c>.</summary>
    public static Shape OfType(ValueKind kind, ImmutableArray<Size> sizes) =>
        kind == ValueKind.Cov && sizes.Length > 0 ? new Shape([.. sizes, sizes[^1]]) : new Shape(sizes);
}
