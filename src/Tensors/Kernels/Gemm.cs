namespace Ppl.Tensors.Kernels;

/// <summary>
/// General matrix multiply on row-major buffers: C = op(A) · op(B) (+ C when accumulating), where
/// op(A) is m×k and op(B) is k×n. With <c>transposeA</c>, A is stored k×m; with <c>transposeB</c>,
/// B is stored n×k. This contract serves matmul and both of its gradients
/// (dA = dC · Bᵀ, dB = Aᵀ · dC).
/// </summary>
public static class Gemm
{
    /// <summary>Single-precision GEMM.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c,
        int m, int n, int k, bool transposeA = false, bool transposeB = false, bool accumulate = false)
    {
        Check(a.Length, b.Length, c.Length, m, n, k);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    sum += a[transposeA ? p * m + i : i * k + p] * b[transposeB ? j * k + p : p * n + j];
                }
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }

    /// <summary>Double-precision GEMM.</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c,
        int m, int n, int k, bool transposeA = false, bool transposeB = false, bool accumulate = false)
    {
        Check(a.Length, b.Length, c.Length, m, n, k);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0d;
                for (var p = 0; p < k; p++)
                {
                    sum += a[transposeA ? p * m + i : i * k + p] * b[transposeB ? j * k + p : p * n + j];
                }
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }

    private static void Check(int aLength, int bLength, int cLength, int m, int n, int k)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(m), "matrix sizes must be non-negative");
        }
        if (aLength < m * k || bLength < k * n || cLength < m * n)
        {
            throw new ArgumentException($"buffers too small for a {m}x{k} by {k}x{n} product");
        }
    }
}
