using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors;

/// <summary>
/// Reusable tensor memory for a training loop: buffers keyed by element type and exact length, and
/// the small objects a step is made of (tensor objects, autodiff records, shapes). A training loop
/// owns one pool and opens a <see cref="TensorScope"/> on it per step; everything a step creates is
/// rented from the pool and returned when the scope ends, so from the second step on a step of the
/// same shapes allocates nothing at all.
/// </summary>
/// <remarks>
/// <para>
/// Exact-length buckets (rather than <see cref="System.Buffers.ArrayPool{T}"/>'s power-of-two buckets
/// with a bounded count per bucket) because a training step rents dozens of buffers of the same few
/// sizes at once. A pool is not thread-safe: one pool per training loop.
/// </para>
/// <para>
/// Tensor objects released by a scope are reused only from the next scope that begins with nothing
/// rented (the next step), never by the enclosing scope of a nested one; until then, and for a buffer
/// at any time, a stale tensor throws <see cref="ObjectDisposedException"/> when read. A tensor object
/// kept past its step and read after the next step began may show that step's values: results must
/// be read out before the scope ends, as <see cref="TensorScope"/> says.
/// </para>
/// </remarks>
public sealed class BufferPool
{
    private readonly Dictionary<int, Stack<Storage>> _floats = [];
    private readonly Dictionary<int, Stack<Storage>> _doubles = [];
    private readonly List<Storage> _liveStorage = [];
    private readonly Stack<Tensor> _freeTensors = new();
    private readonly List<Tensor> _liveTensors = [];
    private readonly List<Tensor> _releasedTensors = [];
    private readonly List<Op> _liveOps = [];
    private readonly ShapeTable _shapes = new();
    private readonly Dictionary<(Type, int), Stack<Array>> _scratch = [];
    private Stack<Op>?[] _freeOps = new Stack<Op>?[16];

    /// <summary>Buffers currently rented by open scopes.</summary>
    public int RentedCount => _liveStorage.Count;

    /// <summary>Where the rentals stand: a scope returns everything rented after its mark.</summary>
    internal PoolMark Mark => new(_liveStorage.Count, _liveTensors.Count, _liveOps.Count);

    /// <summary>
    /// A scope begins: when nothing is rented (a new step, not a nested scope), the tensor objects of
    /// earlier steps become reusable.
    /// </summary>
    internal void BeginScope()
    {
        if (_liveTensors.Count == 0 && _releasedTensors.Count > 0)
        {
            foreach (var t in _releasedTensors)
            {
                _freeTensors.Push(t);
            }
            _releasedTensors.Clear();
        }
    }

    internal Storage Rent(DType dtype, int length)
    {
        var buckets = dtype == DType.Float32 ? _floats : _doubles;
        Storage storage;
        if (buckets.TryGetValue(length, out var stack) && stack.Count > 0)
        {
            storage = stack.Pop();
            storage.MarkRented();
        }
        else
        {
            storage = Storage.Allocate(dtype, length);
        }
        _liveStorage.Add(storage);
        return storage;
    }

    /// <summary>A tensor object over <paramref name="storage"/>, reused from an earlier step when one is free.</summary>
    internal Tensor RentTensor(Storage storage, int offset, int[] shape)
    {
        Tensor tensor;
        if (_freeTensors.Count > 0)
        {
            tensor = _freeTensors.Pop();
            tensor.Reuse(storage, offset, shape);
        }
        else
        {
            tensor = new Tensor(storage, offset, shape);
        }
        _liveTensors.Add(tensor);
        return tensor;
    }

    /// <summary>An autodiff record of type <typeparamref name="TOp"/>, reused when one is free.</summary>
    internal TOp RentOp<TOp>() where TOp : Op, new()
    {
        var slot = OpSlot<TOp>.Index;
        TOp op;
        if (slot < _freeOps.Length && _freeOps[slot] is { Count: > 0 } free)
        {
            op = (TOp)free.Pop();
        }
        else
        {
            op = new TOp { PoolSlot = slot };
        }
        _liveOps.Add(op);
        return op;
    }

    /// <summary>A kernel's temporary array of exactly <paramref name="length"/> elements, until <see cref="ReturnScratch"/>.</summary>
    internal T[] RentScratch<T>(int length) =>
        _scratch.TryGetValue((typeof(T), length), out var stack) && stack.Count > 0 ? (T[])stack.Pop() : new T[length];

    /// <summary>Takes back an array from <see cref="RentScratch{T}"/>.</summary>
    internal void ReturnScratch<T>(T[] array)
    {
        if (!_scratch.TryGetValue((typeof(T), array.Length), out var stack))
        {
            stack = new Stack<Array>();
            _scratch[(typeof(T), array.Length)] = stack;
        }
        stack.Push(array);
    }

    /// <summary>An immutable shape array equal to <paramref name="shape"/>, shared by every tensor of that shape.</summary>
    internal int[] Shape(ReadOnlySpan<int> shape) => _shapes.Get(shape);

    /// <summary>Returns everything rented since <paramref name="mark"/>.</summary>
    internal void ReleaseTo(PoolMark mark)
    {
        for (var i = _liveOps.Count - 1; i >= mark.Ops; i--)
        {
            var op = _liveOps[i];
            op.Clear();
            FreeOps(op.PoolSlot).Push(op);
        }
        _liveOps.RemoveRange(mark.Ops, _liveOps.Count - mark.Ops);
        for (var i = _liveTensors.Count - 1; i >= mark.Tensors; i--)
        {
            var tensor = _liveTensors[i];
            tensor.Release();
            _releasedTensors.Add(tensor);
        }
        _liveTensors.RemoveRange(mark.Tensors, _liveTensors.Count - mark.Tensors);
        for (var i = _liveStorage.Count - 1; i >= mark.Storages; i--)
        {
            var storage = _liveStorage[i];
            storage.MarkReleased();
            var length = storage.Data.Length;
            var buckets = storage.DType == DType.Float32 ? _floats : _doubles;
            if (!buckets.TryGetValue(length, out var stack))
            {
                stack = new Stack<Storage>();
                buckets[length] = stack;
            }
            stack.Push(storage);
        }
        _liveStorage.RemoveRange(mark.Storages, _liveStorage.Count - mark.Storages);
    }

    private Stack<Op> FreeOps(int slot)
    {
        if (slot >= _freeOps.Length)
        {
            Array.Resize(ref _freeOps, Math.Max(slot + 1, 2 * _freeOps.Length));
        }
        return _freeOps[slot] ??= new Stack<Op>();
    }
}

/// <summary>How many buffers, tensor objects and autodiff records were rented when a scope began.</summary>
internal readonly record struct PoolMark(int Storages, int Tensors, int Ops);

/// <summary>A small index per op type, so that a pool keeps its free records in an array, not a dictionary.</summary>
internal static class OpSlot<TOp> where TOp : Op
{
    internal static readonly int Index = OpSlots.Next();
}

/// <summary>Hands out the indices of <see cref="OpSlot{TOp}"/>.</summary>
internal static class OpSlots
{
    private static int _count;

    internal static int Next() => Interlocked.Increment(ref _count) - 1;
}
