using System.Buffers;

namespace Ppl.Tensors.Ops;

/// <summary>
/// A temporary buffer for a kernel, returned on dispose: from the current <see cref="TensorScope"/>'s
/// pool when there is one (a training step then allocates none), else from
/// <see cref="ArrayPool{T}.Shared"/>. Not the shared pool inside a scope: it trims its arrays on
/// every full garbage collection (another part of the program may cause them), after which a step
/// would allocate its scratch again.
/// </summary>
internal readonly struct Scratch<T> : IDisposable
{
    private readonly T[] _array;
    private readonly int _length;
    private readonly BufferPool? _pool;

    internal Scratch(int length)
    {
        _pool = TensorScope.Current;
        var size = Math.Max(length, 1);
        _array = _pool is null ? ArrayPool<T>.Shared.Rent(size) : _pool.RentScratch<T>(size);
        _length = length;
    }

    internal Span<T> Span => _array.AsSpan(0, _length);

    public void Dispose()
    {
        if (_pool is null)
        {
            ArrayPool<T>.Shared.Return(_array);
        }
        else
        {
            _pool.ReturnScratch(_array);
        }
    }
}
