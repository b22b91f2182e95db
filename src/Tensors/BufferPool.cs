namespace Ppl.Tensors;

/// <summary>
/// Reusable tensor buffers, keyed by element type and exact length. A training loop owns one pool and
/// opens a <see cref="TensorScope"/> on it per step; the intermediates of a step are rented from the
/// pool and returned when the scope ends, so from the second step on a step of the same shapes
/// allocates no buffers at all.
/// </summary>
/// <remarks>
/// Exact-length buckets (rather than <see cref="System.Buffers.ArrayPool{T}"/>'s power-of-two buckets
/// with a bounded count per bucket) because a training step rents dozens of buffers of the same few
/// sizes at once. A pool is not thread-safe: one pool per training loop.
/// </remarks>
public sealed class BufferPool
{
    private readonly Dictionary<int, Stack<float[]>> _floats = [];
    private readonly Dictionary<int, Stack<double[]>> _doubles = [];
    private readonly List<Storage> _live = [];

    /// <summary>Buffers currently rented by open scopes.</summary>
    public int RentedCount => _live.Count;

    internal int LiveCount => _live.Count;

    internal Storage Rent(DType dtype, int length)
    {
        Array data = dtype == DType.Float32 ? RentFrom(_floats, length) : RentFrom(_doubles, length);
        var storage = new Storage(data, dtype);
        _live.Add(storage);
        return storage;
    }

    /// <summary>Returns every buffer rented since <paramref name="start"/> rentals were live.</summary>
    internal void ReleaseFrom(int start)
    {
        for (var i = _live.Count - 1; i >= start; i--)
        {
            var storage = _live[i];
            storage.MarkReleased();
            if (storage.Data is float[] f)
            {
                Bucket(_floats, f.Length).Push(f);
            }
            else
            {
                var d = (double[])storage.Data;
                Bucket(_doubles, d.Length).Push(d);
            }
        }
        _live.RemoveRange(start, _live.Count - start);
    }

    private static T[] RentFrom<T>(Dictionary<int, Stack<T[]>> buckets, int length) =>
        buckets.TryGetValue(length, out var stack) && stack.Count > 0 ? stack.Pop() : new T[length];

    private static Stack<T[]> Bucket<T>(Dictionary<int, Stack<T[]>> buckets, int length)
    {
        if (!buckets.TryGetValue(length, out var stack))
        {
            stack = new Stack<T[]>();
            buckets[length] = stack;
        }
        return stack;
    }
}
