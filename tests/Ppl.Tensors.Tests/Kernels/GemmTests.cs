using System.Numerics;
using Ppl.Tensors.Kernels;
using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Kernels;

public sealed class GemmTests
{
    /// <summary>
    /// m, n, k: ones, primes, sizes around the micro-tiles (8×48, 4×24), past the depth block (256),
    /// the float64 column block (312) and the row block (2048), and degenerate shapes.
    /// </summary>
    private static readonly (int M, int N, int K)[] Sizes =
    [
        (1, 1, 1), (7, 7, 7), (33, 33, 33), (257, 257, 257), (33, 257, 7), (7, 33, 257), (257, 7, 33),
        (1, 300, 5), (300, 1, 5), (9, 49, 600), (20, 700, 30), (2053, 17, 3), (8, 48, 1), (16, 96, 2),
        // A Gram-matrix shape (small C, long depth): with transposeA and plain B the depth is split.
        (21, 13, 9001),
    ];

    /// <summary>Every implementation this CPU can run, threaded and not, and the automatic choice.</summary>
    private static readonly (GemmPath Path, GemmThreading Threading)[] Paths =
    [
        (GemmPath.Simple, GemmThreading.Single), (GemmPath.Avx2, GemmThreading.Single), (GemmPath.Avx2, GemmThreading.Split),
        (GemmPath.Avx512, GemmThreading.Single), (GemmPath.Avx512, GemmThreading.Split), (GemmPath.Auto, GemmThreading.Auto),
    ];

    public static TheoryData<int, int, int> Cases
    {
        get
        {
            var data = new TheoryData<int, int, int>();
            foreach (var (m, n, k) in Sizes)
            {
                data.Add(m, n, k);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_a_naive_triple_loop_in_double(int m, int n, int k)
    {
        var source = new RandomSource((ulong)(m * 1_000_003 + n * 1009 + k));
        foreach (var transposeA in new[] { false, true })
        {
            foreach (var transposeB in new[] { false, true })
            {
                foreach (var accumulate in new[] { false, true })
                {
                    Check<float>(source, m, n, k, transposeA, transposeB, accumulate);
                    Check<double>(source, m, n, k, transposeA, transposeB, accumulate);
                }
            }
        }
    }

    [Theory]
    [InlineData(64, 200, 300)]
    [InlineData(257, 33, 513)]
    public void Splitting_across_threads_gives_bit_identical_results(int m, int n, int k)
    {
        foreach (var path in new[] { GemmPath.Avx512, GemmPath.Avx2 })
        {
            if (!Gemm.IsSupported(path))
            {
                continue;
            }
            var source = new RandomSource(5);
            var a = new float[m * k];
            var b = new float[k * n];
            source.FillNormal(a);
            source.FillNormal(b);
            var single = new float[m * n];
            var split = new float[m * n];
            Gemm.Multiply<float>(a, b, single, m, n, k, false, true, false, path, GemmThreading.Single);
            Gemm.Multiply<float>(a, b, split, m, n, k, false, true, false, path, GemmThreading.Split);
            Assert.Equal(single, split);
        }
    }

    [Theory]
    [InlineData(50, 50, 100_000)]
    [InlineData(7, 3, 5000)]
    public void A_depth_split_gram_product_equals_the_single_threaded_one_up_to_rounding(int m, int n, int k)
    {
        // XᵀX-like: A stored k×m, B k×n. Split, the two halves of the depth are summed separately and
        // then added: the same terms in another order, so equal within the summation error bound.
        var source = new RandomSource(21);
        var a = new double[m * k];
        var b = new double[k * n];
        source.FillNormal(a);
        source.FillNormal(b);
        var single = new double[m * n];
        var split = new double[m * n];
        Array.Fill(single, 1.0);
        Array.Fill(split, 1.0);
        Gemm.Multiply<double>(a, b, single, m, n, k, true, false, true, GemmPath.Auto, GemmThreading.Single);
        Gemm.Multiply<double>(a, b, split, m, n, k, true, false, true, GemmPath.Auto, GemmThreading.Split);
        for (var e = 0; e < m * n; e++)
        {
            // Higham 2002, eq. 3.5: each sum is within k·u·Σ|aᵢbᵢ| ≤ k·u·k of the exact one (|aᵢbᵢ| ~ 1).
            Assert.True(Math.Abs(single[e] - split[e]) <= 2.0 * k * k * 1.1e-16, $"{single[e]} vs {split[e]}");
        }
        Assert.NotEqual(0, single[0]);
    }

    [Fact]
    public void Products_issued_from_several_threads_at_once_are_all_right()
    {
        // The shared worker serves one caller at a time; the others compute alone. Each thread's
        // result must equal the single-threaded packed product bit for bit (same blocking, same sums).
        const int m = 96, n = 160, k = 200;
        var results = new float[8][];
        var expected = new float[8][];
        var inputs = Enumerable.Range(0, 8).Select(t =>
        {
            var source = new RandomSource((ulong)t);
            var a = new float[m * k];
            var b = new float[k * n];
            source.FillNormal(a);
            source.FillNormal(b);
            expected[t] = new float[m * n];
            Gemm.Multiply<float>(a, b, expected[t], m, n, k, false, false, false, GemmPath.Auto, GemmThreading.Single);
            return (a, b);
        }).ToArray();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            var c = new float[m * n];
            for (var repeat = 0; repeat < 20; repeat++)
            {
                Gemm.Multiply(inputs[t].a, inputs[t].b, c, m, n, k);
            }
            results[t] = c;
        });
        for (var t = 0; t < 8; t++)
        {
            Assert.Equal(expected[t], results[t]);
        }
    }

    [Fact]
    public void A_repeated_product_allocates_nothing()
    {
        // The steady state of a training step: same shapes again, packing buffers already grown.
        var a = new float[128 * 784];
        var b = new float[784 * 400];
        var c = new float[128 * 400];
        new RandomSource(9).FillNormal(a);
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            Gemm.Multiply(a, b, c, 128, 400, 784);
            Gemm.Multiply(c, b, a, 128, 784, 400, transposeB: true);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        Gemm.Multiply(a, b, c, 128, 400, 784);
        Gemm.Multiply(c, b, a, 128, 784, 400, transposeB: true);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Public_entry_points_multiply_and_accumulate()
    {
        // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]].
        float[] a = [1, 2, 3, 4];
        float[] b = [5, 6, 7, 8];
        var c = new float[] { 1, 1, 1, 1 };
        Gemm.Multiply(a, b, c, 2, 2, 2, accumulate: true);
        Assert.Equal([20f, 23, 44, 51], c);
        var cd = new double[4];
        Gemm.Multiply([1.0, 3, 2, 4], [5.0, 7, 6, 8], cd, 2, 2, 2, transposeA: true, transposeB: true);
        Assert.Equal([19.0, 22, 43, 50], cd);
    }

    [Fact]
    public void Empty_depth_clears_or_keeps_c_and_bad_sizes_are_rejected()
    {
        var c = new double[] { 3, 4 };
        Gemm.Multiply(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, c, 1, 2, 0, accumulate: true);
        Assert.Equal([3.0, 4], c);
        Gemm.Multiply(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, c, 1, 2, 0);
        Assert.Equal([0.0, 0], c);
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(new double[5], new double[6], new double[4], 2, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(new double[5], new double[6], new double[4], -1, 2, 3));
    }

    private static void Check<T>(RandomSource source, int m, int n, int k, bool transposeA, bool transposeB, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int guard = 5;
        var a = Draw<T>(source, m * k + guard);
        var b = Draw<T>(source, k * n + guard);
        var initial = Draw<T>(source, m * n + guard);
        var (exact, magnitude) = Naive(Widen(a), Widen(b), Widen(initial), m, n, k, transposeA, transposeB, accumulate);
        var epsilon = typeof(T) == typeof(float) ? 1.1920928955078125e-7 : 2.220446049250313e-16;
        foreach (var (path, threading) in Paths)
        {
            if (!Gemm.IsSupported(path))
            {
                continue;
            }
            var c = (T[])initial.Clone();
            Gemm.Multiply<T>(a, b, c, m, n, k, transposeA, transposeB, accumulate, path, threading);
            for (var e = 0; e < m * n; e++)
            {
                // Higham 2002, eq. 3.5: |fl(aᵀb) − aᵀb| ≤ γₖ |a|ᵀ|b| with γₖ ≈ k·u, u = ε/2; plus the rounding of + C.
                var tolerance = (k + 2) * epsilon * magnitude[e] + double.Epsilon;
                var actual = double.CreateChecked(c[e]);
                Assert.True(Math.Abs(actual - exact[e]) <= tolerance,
                    $"{typeof(T).Name} {m}x{n}x{k} tA={transposeA} tB={transposeB} acc={accumulate} {path}/{threading}: " +
                    $"C[{e / n},{e % n}] = {actual}, expected {exact[e]} ± {tolerance}");
            }
            for (var g = m * n; g < c.Length; g++)
            {
                Assert.Equal(initial[g], c[g]);
            }
        }
    }

    /// <summary>The slow, obviously right twin: C[i,j] = Σₚ op(A)[i,p]·op(B)[p,j] (+ C), and Σₚ |·| for the error bound.</summary>
    private static (double[] Exact, double[] Magnitude) Naive(double[] a, double[] b, double[] initial, int m, int n, int k,
        bool transposeA, bool transposeB, bool accumulate)
    {
        // op(A) as m×k rows and op(B)ᵀ as n×k rows, so that each element is a contiguous dot product.
        var rowsOfA = new double[m * k];
        var columnsOfB = new double[n * k];
        for (var p = 0; p < k; p++)
        {
            for (var i = 0; i < m; i++)
            {
                rowsOfA[i * k + p] = transposeA ? a[p * m + i] : a[i * k + p];
            }
            for (var j = 0; j < n; j++)
            {
                columnsOfB[j * k + p] = transposeB ? b[j * k + p] : b[p * n + j];
            }
        }
        var exact = new double[m * n];
        var magnitude = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            var row = rowsOfA.AsSpan(i * k, k);
            for (var j = 0; j < n; j++)
            {
                var column = columnsOfB.AsSpan(j * k, k);
                double sum = accumulate ? initial[i * n + j] : 0, size = Math.Abs(sum);
                for (var p = 0; p < k; p++)
                {
                    var product = row[p] * column[p];
                    sum += product;
                    size += Math.Abs(product);
                }
                exact[i * n + j] = sum;
                magnitude[i * n + j] = size;
            }
        }
        return (exact, magnitude);
    }

    private static double[] Widen<T>(T[] values) where T : unmanaged, IFloatingPointIeee754<T> => Array.ConvertAll(values, double.CreateChecked);

    private static T[] Draw<T>(RandomSource source, int length) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new double[length];
        source.FillNormal(values);
        return Array.ConvertAll(values, T.CreateChecked);
    }
}
