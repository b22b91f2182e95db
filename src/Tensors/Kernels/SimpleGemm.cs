using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Ppl.Tensors.Kernels;

/// <summary>
/// GEMM without packing or threads, for products too small to repay them and for CPUs without
/// AVX2/AVX-512: rows of C are updated by vectorised axpy (C[i,:] += A[i,p]·B[p,:]) or, when B is
/// transposed, by dot products, both through <see cref="TensorPrimitives"/>.
/// </summary>
internal static unsafe class SimpleGemm
{
    /// <summary>Computes the rectangle <paramref name="range"/> of C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T>(in GemmTask<T> task, GemmRange range)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var columns = range.ColumnEnd - range.ColumnStart;
        for (var i = range.RowStart; i < range.RowEnd; i++)
        {
            var cRow = new Span<T>(task.C + (long)i * task.N + range.ColumnStart, columns);
            if (!task.TransposeB)
            {
                if (!task.Accumulate)
                {
                    cRow.Clear();
                }
                for (var p = 0; p < task.K; p++)
                {
                    var bRow = new ReadOnlySpan<T>(task.B + (long)p * task.N + range.ColumnStart, columns);
                    TensorPrimitives.MultiplyAdd(bRow, task.AAt(i, p), cRow, cRow);
                }
                continue;
            }
            for (var j = 0; j < columns; j++)
            {
                var bRow = new ReadOnlySpan<T>(task.B + (long)(range.ColumnStart + j) * task.K, task.K);
                T sum;
                if (!task.TransposeA)
                {
                    sum = TensorPrimitives.Dot(new ReadOnlySpan<T>(task.A + (long)i * task.K, task.K), bRow);
                }
                else
                {
                    sum = T.Zero;
                    for (var p = 0; p < task.K; p++)
                    {
                        sum += task.A[(long)p * task.M + i] * bRow[p];
                    }
                }
                cRow[j] = task.Accumulate ? cRow[j] + sum : sum;
            }
        }
    }
}
