using System.Runtime.InteropServices;
using Ppl.Tensors.Kernels;

namespace Ppl.Tensors.Ops;

/// <summary>Reaches the float or double <see cref="Gemm"/> from a generic kernel; the JIT folds the type test.</summary>
internal static class GenericGemm
{
    internal static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k,
        bool transposeA = false, bool transposeB = false, bool accumulate = false) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            Gemm.Multiply(MemoryMarshal.Cast<T, float>(a), MemoryMarshal.Cast<T, float>(b), MemoryMarshal.Cast<T, float>(c),
                m, n, k, transposeA, transposeB, accumulate);
        }
        else if (typeof(T) == typeof(double))
        {
            Gemm.Multiply(MemoryMarshal.Cast<T, double>(a), MemoryMarshal.Cast<T, double>(b), MemoryMarshal.Cast<T, double>(c),
                m, n, k, transposeA, transposeB, accumulate);
        }
        else
        {
            throw new NotSupportedException($"GEMM on {typeof(T).Name}");
        }
    }
}
