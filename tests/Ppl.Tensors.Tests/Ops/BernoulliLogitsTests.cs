using Ppl.Tensors.Special;

namespace Ppl.Tensors.Tests.Ops;

/// <summary>
/// The fused Bernoulli log-likelihood on logits against a double-precision scalar reference, its
/// gradients against the closed forms and central differences, over a vector long enough for the SIMD
/// body, the float-lane flushes and the scalar tail.
/// </summary>
public sealed class BernoulliLogitsTests
{
    public static TheoryData<DType> DTypes => [DType.Float32, DType.Float64];

    /// <summary>Logits from −60 to 60 (both sides of zero, deep tails) and pixel-like data in [0, 1], some exactly 0 or 1.</summary>
    private static (double[] Logits, double[] Data) Inputs(int n)
    {
        var logits = new double[n];
        var data = new double[n];
        for (var i = 0; i < n; i++)
        {
            logits[i] = 60 * Math.Sin(0.37 * i) * Math.Abs(Math.Sin(0.011 * i));
            data[i] = (i % 7) switch { 0 => 0, 1 => 1, _ => 0.5 + 0.5 * Math.Sin(1.3 * i) };
        }
        return (logits, data);
    }

    private static double SoftplusReference(double x) => Math.Max(x, 0) + SpecialFunctions.Log1p(Math.Exp(-Math.Abs(x)));

    private static double SigmoidReference(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double Round(double v, DType dtype) => dtype == DType.Float32 ? (float)v : v;

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Value_is_the_summed_log_likelihood(DType dtype)
    {
        var (logits, data) = Inputs(3001);
        var expected = 0.0;
        var scale = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            double l = Round(logits[i], dtype), x = Round(data[i], dtype);
            expected += x * l - SoftplusReference(l);
            scale += Math.Abs(x * l) + SoftplusReference(l);
        }
        var y = Tensor.BernoulliLogitsLogLikelihood(Tensor.FromDoubles(logits, dtype, logits.Length), Tensor.FromDoubles(data, dtype, data.Length));
        Assert.Empty(y.ShapeArray);
        // float32: each term to a few ulps, summed in float lanes over blocks of 1024 elements.
        var tol = dtype == DType.Float32 ? 1e-6 : 1e-14;
        Assert.True(Math.Abs(y.Item() - expected) <= tol * scale, $"expected {expected:R}, got {y.Item():R}");
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Gradients_are_data_minus_sigmoid_and_the_logits(DType dtype)
    {
        var (logits, data) = Inputs(1037);
        var l = Tensor.Parameter(logits, dtype, 1037);
        var x = Tensor.Parameter(data, dtype, 1037);
        (3.0 * Tensor.BernoulliLogitsLogLikelihood(l, x)).Backward();
        var tol = dtype == DType.Float32 ? 1e-5 : 1e-13;
        for (var i = 0; i < logits.Length; i++)
        {
            double li = Round(logits[i], dtype), xi = Round(data[i], dtype);
            var dl = 3 * (xi - SigmoidReference(li));
            Assert.True(Math.Abs(l.Grad![i] - dl) <= tol * (Math.Abs(xi) + 1), $"∂/∂l at {li}: expected {dl:R}, got {l.Grad[i]:R}");
            Assert.True(Math.Abs(x.Grad![i] - 3 * li) <= tol * Math.Abs(3 * li), $"∂/∂x at {li}: expected {3 * li:R}, got {x.Grad[i]:R}");
        }
    }

    [Fact]
    public void Logit_gradient_matches_central_differences()
    {
        var (logits, data) = Inputs(40);
        var l = Tensor.Parameter(logits, DType.Float64, 40);
        Tensor.BernoulliLogitsLogLikelihood(l, Tensor.FromDoubles(data, DType.Float64, 40)).Backward();
        const double h = 1e-5;
        for (var i = 0; i < logits.Length; i++)
        {
            double F(double shift)
            {
                var shifted = (double[])logits.Clone();
                shifted[i] += shift;
                return Tensor.BernoulliLogitsLogLikelihood(Tensor.FromDoubles(shifted, DType.Float64, 40), Tensor.FromDoubles(data, DType.Float64, 40)).Item();
            }
            var numeric = (F(h) - F(-h)) / (2 * h);
            Assert.True(Math.Abs(l.Grad![i] - numeric) <= 1e-7, $"element {i}: analytic {l.Grad[i]:R}, numeric {numeric:R}");
        }
    }

    [Fact]
    public void Agrees_with_the_composed_form_in_float32()
    {
        var (logits, data) = Inputs(128 * 784 / 16);
        var l1 = Tensor.Parameter(logits, DType.Float32, logits.Length);
        var l2 = Tensor.Parameter(logits, DType.Float32, logits.Length);
        var x = Tensor.FromDoubles(data, DType.Float32, data.Length);
        var fused = Tensor.BernoulliLogitsLogLikelihood(l1, x);
        var composed = (x * l2 - Tensor.Softplus(l2)).Sum();
        fused.Backward();
        composed.Backward();
        Assert.True(Math.Abs(fused.Item() - composed.Item()) <= 1e-5 * Math.Abs(composed.Item()), $"fused {fused.Item():R}, composed {composed.Item():R}");
        for (var i = 0; i < logits.Length; i++)
        {
            Assert.True(Math.Abs(l1.Grad![i] - l2.Grad![i]) <= 2e-7, $"element {i}: fused {l1.Grad[i]:R}, composed {l2.Grad[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Per_row_values_are_each_rows_sum(DType dtype)
    {
        // 5 rows of 3 × 67 values: each row's SIMD body and tail; the reference sums in double.
        const int Rows = 5, Width = 3 * 67;
        var (logits, data) = Inputs(Rows * Width);
        var y = Tensor.BernoulliLogitsLogLikelihoodPerRow(Tensor.FromDoubles(logits, dtype, Rows, 3, 67), Tensor.FromDoubles(data, dtype, Rows, 3, 67));
        Assert.Equal([Rows], y.ShapeArray);
        var tol = dtype == DType.Float32 ? 1e-6 : 1e-14;
        for (var r = 0; r < Rows; r++)
        {
            double expected = 0, scale = 0;
            for (var i = r * Width; i < (r + 1) * Width; i++)
            {
                double l = Round(logits[i], dtype), x = Round(data[i], dtype);
                expected += x * l - SoftplusReference(l);
                scale += Math.Abs(x * l) + SoftplusReference(l);
            }
            Assert.True(Math.Abs(y[r] - expected) <= tol * scale, $"row {r}: expected {expected:R}, got {y[r]:R}");
            // The same kernel on the same row: bit for bit the whole-tensor op on that row alone.
            var row = Tensor.BernoulliLogitsLogLikelihood(
                Tensor.FromDoubles(logits.AsSpan(r * Width, Width), dtype, Width),
                Tensor.FromDoubles(data.AsSpan(r * Width, Width), dtype, Width));
            Assert.Equal(row.Item(), y[r]);
        }
    }

    [Fact]
    public void Per_row_gradients_carry_each_rows_upstream_gradient()
    {
        // L = Σ_r w_r · y_r: ∂L/∂l = w_r (x − σ(l)) and ∂L/∂x = w_r l in row r.
        const int Rows = 4, Width = 37;
        var (logits, data) = Inputs(Rows * Width);
        var l = Tensor.Parameter(logits, DType.Float64, Rows, Width);
        var x = Tensor.Parameter(data, DType.Float64, Rows, Width);
        double[] w = [1, -2, 0.5, 3];
        (Tensor.FromDoubles(w, DType.Float64, Rows) * Tensor.BernoulliLogitsLogLikelihoodPerRow(l, x)).Sum().Backward();
        for (var i = 0; i < logits.Length; i++)
        {
            var wr = w[i / Width];
            var dl = wr * (data[i] - SigmoidReference(logits[i]));
            Assert.True(Math.Abs(l.Grad![i] - dl) <= 1e-13 * (Math.Abs(wr) + 1), $"∂/∂l at {i}: expected {dl:R}, got {l.Grad[i]:R}");
            Assert.True(Math.Abs(x.Grad![i] - wr * logits[i]) <= 1e-13 * (Math.Abs(wr * logits[i]) + 1), $"∂/∂x at {i}");
        }
    }

    [Fact]
    public void Per_row_needs_rows()
    {
        var l = Tensor.Zeros(DType.Float32);
        Assert.Throws<ArgumentException>(() => Tensor.BernoulliLogitsLogLikelihoodPerRow(l, Tensor.Zeros(DType.Float32)));
    }

    [Fact]
    public void Shapes_must_match()
    {
        var l = Tensor.Zeros(DType.Float32, 2, 3);
        var x = Tensor.Zeros(DType.Float32, 3, 2);
        Assert.Throws<ArgumentException>(() => Tensor.BernoulliLogitsLogLikelihood(l, x));
    }
}
