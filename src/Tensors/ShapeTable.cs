namespace Ppl.Tensors;

/// <summary>
/// Interned shape arrays: one immutable <c>int[]</c> per distinct shape, found from a span without
/// allocating, so an op inside a <see cref="TensorScope"/> that computes a new shape (a reduction, a
/// slice, a layer's [batch, out]) reuses the array of the previous step. Shape arrays are never
/// written after a tensor receives one, which is what makes sharing them safe.
/// </summary>
internal sealed class ShapeTable
{
    /// <summary>Past this many distinct shapes (a loop whose shapes keep changing) new ones are not kept.</summary>
    private const int Capacity = 4096;

    private readonly Dictionary<int[], int[]> _shapes = new(ShapeComparer.Instance);
    private readonly Dictionary<int[], int[]>.AlternateLookup<ReadOnlySpan<int>> _lookup;

    internal ShapeTable() => _lookup = _shapes.GetAlternateLookup<ReadOnlySpan<int>>();

    internal int[] Get(ReadOnlySpan<int> shape)
    {
        if (shape.IsEmpty)
        {
            return ShapeMath.ScalarShape;
        }
        if (_lookup.TryGetValue(shape, out var known))
        {
            return known;
        }
        var array = shape.ToArray();
        if (_shapes.Count < Capacity)
        {
            _shapes[array] = array;
        }
        return array;
    }

    /// <summary>Element-wise equality of shapes, also between an array and a span.</summary>
    private sealed class ShapeComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        internal static readonly ShapeComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(int[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<int> alternate) => Hash(alternate);

        public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<int> shape)
        {
            var hash = new HashCode();
            foreach (var d in shape)
            {
                hash.Add(d);
            }
            return hash.ToHashCode();
        }
    }
}
