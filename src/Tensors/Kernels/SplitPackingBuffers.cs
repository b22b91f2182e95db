using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// The packing buffers of a product split across the caller and the worker: one pair per slot
/// (<see cref="GemmWorker.CallerSlot"/>, <see cref="GemmWorker.WorkerSlot"/>), pinned and 64-byte
/// aligned, grown by the caller while it owns the worker and before the worker can start, for both
/// slots at once. Both are sized by the product, never by the share a thread ends up computing, so a
/// worker that joins late, or a caller that computes every piece itself, never grows a buffer after
/// the product's first run: a steady-state training step allocates nothing.
/// </summary>
internal static unsafe class SplitPackingBuffers<T> where T : unmanaged
{
    private const int Alignment = 64;

    private static readonly T[]?[] _a = new T[]?[2];
    private static readonly T[]?[] _b = new T[]?[2];

    /// <summary>
    /// Both slots' buffers, at least <paramref name="aLength"/> and <paramref name="bLength"/> long.
    /// Only the owner of <see cref="GemmWorker.Shared"/> may call this, before it hands off.
    /// </summary>
    public static (nint CallerA, nint CallerB, nint WorkerA, nint WorkerB) Ensure(long aLength, long bLength) =>
        ((nint)Aligned(ref _a[0], aLength), (nint)Aligned(ref _b[0], bLength), (nint)Aligned(ref _a[1], aLength), (nint)Aligned(ref _b[1], bLength));

    private static T* Aligned(ref T[]? buffer, long length)
    {
        var slack = Alignment / sizeof(T);
        if (buffer is null || buffer.Length < length + slack)
        {
            // On the pinned object heap: the address never moves.
            buffer = GC.AllocateUninitializedArray<T>(checked((int)(length + slack)), pinned: true);
        }
        var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (T*)((address + Alignment - 1) & ~(nint)(Alignment - 1));
    }
}
