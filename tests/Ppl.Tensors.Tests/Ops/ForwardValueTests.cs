using Ppl.Tensors.Nn;
using Ppl.Tensors.Random;
using Ppl.Tensors.Tests.Special;

namespace Ppl.Tensors.Tests.Ops;

/// <summary>Forward values against closed forms and the SciPy fixture, in both element types.</summary>
public sealed class ForwardValueTests
{
    private static Tensor Vec(params double[] values) => Tensor.FromArray(values);

    public static TheoryData<double, double> LogGammaCases => SpecialFixture.Pairs("lgamma");

    public static TheoryData<double, double> DigammaCases => SpecialFixture.Pairs("digamma");

    public static TheoryData<double, double> LogNormalCdfCases => SpecialFixture.Pairs("normalLogCdf");

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R}");

    [Theory]
    [MemberData(nameof(LogGammaCases))]
    public void LogGamma_matches_scipy(double x, double y) => AssertRelative(y, Tensor.LogGamma(Vec(x)).Item(), 1e-13);

    [Theory]
    [MemberData(nameof(DigammaCases))]
    public void Digamma_matches_scipy(double x, double y) => AssertRelative(y, Tensor.Digamma(Vec(x)).Item(), 1e-13);

    [Theory]
    [MemberData(nameof(LogNormalCdfCases))]
    public void LogNormalCdf_matches_scipy(double x, double y) => AssertRelative(y, Tensor.LogNormalCdf(Vec(x)).Item(), 1e-13);

    [Fact]
    public void LogNormalCdf_gradient_is_finite_far_in_the_tail()
    {
        // d/dx log Φ(x) = φ(x)/Φ(x) → −x (1 + 1/x² …)⁻¹ as x → −∞ (Mills ratio); at x = −40 that is 40.02…
        var x = Tensor.Parameter([-40.0], DType.Float64);
        Tensor.LogNormalCdf(x).Sum().Backward();
        Assert.Equal(40.0 / (1 - 1.0 / 1600 + 3.0 / (1600.0 * 1600)), x.Grad!.Item(), 3);
    }

    [Theory]
    [InlineData(DType.Float64)]
    [InlineData(DType.Float32)]
    public void Elementwise_functions_match_closed_forms(DType dtype)
    {
        var tol = dtype == DType.Float64 ? 1e-15 : 1e-6;
        var x = Tensor.FromDoubles([-1.5, 0.0, 0.25, 2.0], dtype);
        double[] xs = [-1.5, 0.0, 0.25, 2.0];
        var checks = new (Func<Tensor, Tensor> F, Func<double, double> Expected)[]
        {
            (Tensor.Exp, Math.Exp),
            (t => Tensor.Log(Tensor.Abs(t) + 1.0), v => Math.Log(Math.Abs(v) + 1)),
            (Tensor.Tanh, Math.Tanh),
            (Tensor.Sigmoid, v => 1 / (1 + Math.Exp(-v))),
            (Tensor.Relu, v => Math.Max(v, 0)),
            (Tensor.Softplus, v => Math.Log(1 + Math.Exp(v))),
            (Tensor.LogSigmoid, v => -Math.Log(1 + Math.Exp(-v))),
            (Tensor.Square, v => v * v),
            (t => Tensor.Sqrt(Tensor.Abs(t)), v => Math.Sqrt(Math.Abs(v))),
            (t => Tensor.Pow(Tensor.Abs(t), 1.5), v => Math.Pow(Math.Abs(v), 1.5)),
            (t => Tensor.Clamp(t, -1, 1), v => Math.Clamp(v, -1, 1)),
            (t => 2.0 / (t + 3.0), v => 2 / (v + 3)),
            (t => 1.0 - t * 0.5, v => 1 - v * 0.5),
        };
        foreach (var (f, expected) in checks)
        {
            var y = f(x).ToArray();
            for (var i = 0; i < xs.Length; i++)
            {
                AssertRelative(expected(xs[i]), y[i], tol);
            }
        }
    }

    [Fact]
    public void Log1p_and_expm1_keep_full_precision_near_zero()
    {
        var tiny = Vec(1e-10, -1e-12, 3e-17);
        Assert.Equal([1e-10 - 0.5e-20, -1e-12 - 0.5e-24, 3e-17], Tensor.Log1p(tiny).ToArray());
        var e = Tensor.Expm1(tiny).ToArray();
        AssertRelative(1e-10 + 0.5e-20, e[0], 1e-16);
        AssertRelative(-1e-12 + 0.5e-24, e[1], 1e-16);
        Assert.Equal(3e-17, e[2]);
    }

    [Fact]
    public void Saturating_functions_do_not_overflow()
    {
        var x = Vec(-800, 800);
        Assert.Equal([0, 800], Tensor.Softplus(x).ToArray());
        Assert.Equal([-800, 0], Tensor.LogSigmoid(x).ToArray());
        Assert.Equal([0, 1], Tensor.Sigmoid(x).ToArray());
        AssertRelative(1000 + Math.Log(2), Vec(1000, 1000).LogSumExp().Item(), 1e-15);
        AssertRelative(-1000 + Math.Log(2), Vec(-1000, -1000).LogSumExp().Item(), 1e-15);
    }

    [Fact]
    public void Broadcast_arithmetic_follows_numpy()
    {
        var col = Tensor.FromArray([1.0, 2, 3], 3, 1);
        var row = Tensor.FromArray([10.0, 20, 30, 40], 1, 4);
        var sum = col + row;
        Assert.Equal([3, 4], sum.Shape.ToArray());
        Assert.Equal([11.0, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43], sum.ToArray());
        Assert.Equal([9.0, 19, 29, 39, 8, 18, 28, 38, 7, 17, 27, 37], (row - col).ToArray());
        var m = Tensor.FromArray([1.0, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal([1.0, 1, 1, 4, 2.5, 2], (m / Vec(1, 2, 3)).ToArray());
        Assert.Equal([2.0, 4, 6, 8, 10, 12], (Tensor.Scalar(2) * m).ToArray());
        Assert.Equal([1.0, 4, 27, 4, 25, 216], Tensor.Pow(m, Tensor.FromArray([1.0, 2, 3], 3)).ToArray());
        Assert.Throws<ArgumentException>(() => m + Vec(1, 2));
        Assert.Throws<ArgumentException>(() => m + Tensor.FromDoubles([1.0], DType.Float32));
    }

    [Fact]
    public void Reductions_over_axes()
    {
        var x = Tensor.FromArray([1.0, 5, 3, 4, 2, 6], 2, 3);
        Assert.Equal(21, x.Sum().Item());
        Assert.Equal(3.5, x.Mean().Item());
        Assert.Equal([5.0, 7, 9], x.Sum(0).ToArray());
        Assert.Equal([9.0, 12], x.Sum(1).ToArray());
        Assert.Equal([2, 1], x.Sum(1, keepDims: true).Shape.ToArray());
        Assert.Equal([4.0, 5, 6], x.Max(0).ToArray());
        Assert.Equal([5.0, 6], x.Max(-1).ToArray());
        Assert.Equal([3.0, 4], x.Mean(1).ToArray());
        var lse = x.LogSumExp(1).ToArray();
        AssertRelative(Math.Log(Math.Exp(1) + Math.Exp(5) + Math.Exp(3)), lse[0], 1e-15);
        AssertRelative(Math.Log(Math.Exp(4) + Math.Exp(2) + Math.Exp(6)), lse[1], 1e-15);
        var softmax = x.Softmax(1).Sum(1).ToArray();
        AssertRelative(1, softmax[0], 1e-15);
        Assert.Equal([], x.Sum().Shape.ToArray());
    }

    [Fact]
    public void Matrix_products_in_every_arrangement()
    {
        var a = Tensor.FromArray([1.0, 2, 3, 4, 5, 6], 2, 3);
        var b = Tensor.FromArray([7.0, 8, 9, 10, 11, 12], 3, 2);
        Assert.Equal([58.0, 64, 139, 154], Tensor.MatMul(a, b).ToArray());
        Assert.Equal([14.0, 32], Tensor.MatMul(a, Vec(1, 2, 3)).ToArray());
        Assert.Equal([9.0, 12, 15], Tensor.MatMul(Vec(1, 2), a).ToArray());
        Assert.Equal(14, Tensor.MatMul(Vec(1, 2, 3), Vec(1, 2, 3)).Item());
        var stack = Tensor.Concat([a.Reshape(1, 2, 3), (a * 2.0).Reshape(1, 2, 3)], 0);
        var batched = Tensor.MatMul(stack, b);
        Assert.Equal([2, 2, 2], batched.Shape.ToArray());
        Assert.Equal([58.0, 64, 139, 154, 116, 128, 278, 308], batched.ToArray());
        Assert.Equal([1.0, 4, 2, 5, 3, 6], a.Transpose().ToArray());
        Assert.Throws<ArgumentException>(() => Tensor.MatMul(a, a));
    }

    [Fact]
    public void Reshape_is_a_view_and_slicing_concat_and_indexing_select_the_right_elements()
    {
        var x = Tensor.FromArray([0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 3, 4);
        var r = x.Reshape(2, -1);
        Assert.Equal([2, 6], r.Shape.ToArray());
        Assert.Same(x.Storage, r.Storage);
        Assert.Equal([4.0, 5, 6, 7, 8, 9, 10, 11], x.Slice(0, 1, 3).ToArray());
        Assert.Same(x.Storage, x.Slice(0, 1, 3).Storage);
        Assert.Equal([1.0, 2, 5, 6, 9, 10], x.Slice(1, 1, 3).ToArray());
        Assert.Equal([8.0, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11], x.IndexSelect(0, [2, 0, 2]).ToArray());
        Assert.Equal([3.0, 0, 7, 4, 11, 8], x.IndexSelect(1, [3, 0]).ToArray());
        Assert.Equal([3.0, 5, 10], x.Gather(1, [3, 1, 2]).ToArray());
        Assert.Equal([0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 1, 2, 3], Tensor.Concat([x, x.Slice(0, 0, 1)], 0).ToArray());
        Assert.Equal([0.0, 1, 2, 3, 0, 4, 5, 6, 7, 4, 8, 9, 10, 11, 8], Tensor.Concat([x, x.Slice(1, 0, 1)], 1).ToArray());
        Assert.Equal(7, x.At(1, 3));
    }

    [Fact]
    public void Where_one_hot_and_dropout()
    {
        var cond = Tensor.FromArray([1.0, 0, 1]);
        Assert.Equal([1.0, -2, 3], Tensor.Where(cond, Vec(1, 2, 3), Vec(-1, -2, -3)).ToArray());
        Assert.Equal([0.0, 0, 1, 1, 0, 0], Tensor.OneHot([2, 0], 3, DType.Float64).ToArray());
        var dropped = Tensor.Dropout(Tensor.Ones(DType.Float64, 10000), 0.25, new RandomSource(3)).ToArray();
        Assert.All(dropped, v => Assert.True(v == 0 || Math.Abs(v - 4.0 / 3) < 1e-15));
        // The kept fraction is Binomial(10000, 0.75)/10000: sd 0.0043; allow 5 sd.
        Assert.InRange(dropped.Count(v => v > 0) / 10000.0, 0.75 - 5 * 0.0043, 0.75 + 5 * 0.0043);
        var x = Vec(1, 2);
        Assert.Same(x, Tensor.Dropout(x, 0.5, new RandomSource(1), training: false));
    }

    [Fact]
    public void Fused_linear_equals_the_unfused_expression()
    {
        var x = Tensor.FromArray([0.5, -1, 2, 0.25, 1.5, -0.5], 2, 3);
        var w = Tensor.FromArray([0.1, -0.2, 0.3, 0.4, -0.5, 0.6], 3, 2);
        var b = Vec(0.05, -0.1);
        var z = Tensor.MatMul(x, w) + b;
        var expected = new Dictionary<Activation, Tensor>
        {
            [Activation.Identity] = z,
            [Activation.Relu] = Tensor.Relu(z),
            [Activation.Tanh] = Tensor.Tanh(z),
            [Activation.Sigmoid] = Tensor.Sigmoid(z),
            [Activation.Softplus] = Tensor.Softplus(z),
        };
        foreach (var (act, e) in expected)
        {
            var y = Tensor.Linear(x, w, b, act).ToArray();
            var want = e.ToArray();
            for (var i = 0; i < want.Length; i++)
            {
                AssertRelative(want[i], y[i], 1e-15);
            }
        }
    }

    [Fact]
    public void Tensor_formulas_written_over_IReal_run_unchanged()
    {
        // A normal log-density written once over IReal: −½((x − μ)/σ)² − log σ − ½ log 2π.
        static T NormalLogDensity<T>(T x, T mu, T sigma) where T : IReal<T>
        {
            var z = (x - mu) / sigma;
            return -0.5 * T.Square(z) - T.Log(sigma) - 0.5 * Math.Log(2 * Math.PI);
        }
        var t = NormalLogDensity(Vec(1.0, 2.0), Vec(0.5, 0.5), Vec(2.0, 2.0)).ToArray();
        var s0 = NormalLogDensity<Scalar>(1.0, 0.5, 2.0);
        var s1 = NormalLogDensity<Scalar>(2.0, 0.5, 2.0);
        AssertRelative(s0.Value, t[0], 1e-15);
        AssertRelative(s1.Value, t[1], 1e-15);
    }
}
