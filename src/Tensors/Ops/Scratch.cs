using System.Buffers;

namespace Ppl.Tensors.Ops;

/// <summary>
/// A temporary buffer for a kernel, rented from <see cref="ArrayPool{T}.Shared"/> and returned on
/// dispose: scratch lives for one kernel call, so the shared pool's thread-local cache serves it
/// without allocation in steady state.
/// </summary>
internal readonly struct Scratch<T> : IDisposable
{
    private readonly T[] _array;
    private readonly int _length;

    internal Scratch(int length)
    {
        _array = ArrayPool<T>.Shared.Rent(Math.Max(length, 1));
        _length = length;
    }

    internal Span<T> Span => _array.AsSpan(0, _length);

    public void Dispose() => ArrayPool<T>.Shared.Return(_array);
}
