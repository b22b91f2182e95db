using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// Each thread's packing buffers for one element type: pinned, 64-byte aligned, grown on demand and
/// then reused, so a steady-state training step allocates nothing.
/// </summary>
internal static unsafe class PackingBuffers<T> where T : unmanaged
{
    private const int Alignment = 64;

    [ThreadStatic]
    private static T[]? _packedA;

    [ThreadStatic]
    private static T[]? _packedB;

    /// <summary>The calling thread's buffer for packed A, at least <paramref name="length"/> long.</summary>
    public static T* A(int length) => Aligned(ref _packedA, length);

    /// <summary>The calling thread's buffer for packed B, at least <paramref name="length"/> long.</summary>
    public static T* B(int length) => Aligned(ref _packedB, length);

    private static T* Aligned(ref T[]? buffer, int length)
    {
        var slack = Alignment / sizeof(T);
        if (buffer is null || buffer.Length < length + slack)
        {
            // On the pinned object heap: the address never moves.
            buffer = GC.AllocateUninitializedArray<T>(length + slack, pinned: true);
        }
        var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (T*)((address + Alignment - 1) & ~(nint)(Alignment - 1));
    }
}
