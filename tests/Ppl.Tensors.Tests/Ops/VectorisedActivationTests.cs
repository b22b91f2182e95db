using Ppl.Tensors.Nn;
using Ppl.Tensors.Special;

namespace Ppl.Tensors.Tests.Ops;

/// <summary>
/// The SIMD activation kernels against independent scalar references over a long vector (SIMD body and
/// scalar tail), from deep in the tails to near zero, in both element types.
/// </summary>
public sealed class VectorisedActivationTests
{
    private static readonly double[] Xs =
        [-700, -80, -40, -20, -5, -1, -0.3, -1e-9, -1e-20, 0, 1e-20, 1e-9, 0.3, 1, 5, 20, 40, 80, 700,
         -3.5, 2.25, -0.75, 0.6, -12, 12, 7, -7, 0.05, -0.05, 3, -3, 15, -15, 0.9, -0.9, 1.5, -1.5];

    /// <summary>softplus in double through the special-functions helper's log1p (an independent implementation).</summary>
    private static double SoftplusReference(double x) => Math.Max(x, 0) + SpecialFunctions.Log1p(Math.Exp(-Math.Abs(x)));

    private static double SigmoidReference(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static TheoryData<DType> DTypes => [DType.Float32, DType.Float64];

    private static void Check(DType dtype, Func<Tensor, Tensor> f, Func<double, double> reference, double[]? xs = null)
    {
        xs ??= Xs;
        var y = f(Tensor.FromDoubles(xs, dtype)).ToArray();
        var tol = dtype == DType.Float32 ? 2e-6 : 1e-14;
        for (var i = 0; i < xs.Length; i++)
        {
            var x = dtype == DType.Float32 ? (float)xs[i] : xs[i];
            var expected = reference(x);
            if (dtype == DType.Float32 && Math.Abs(expected) < float.Epsilon)
            {
                continue;
            }
            Assert.True(Math.Abs(y[i] - expected) <= tol * Math.Abs(expected) || y[i] == expected,
                $"x = {xs[i]}: expected {expected:R}, got {y[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Softplus(DType dtype) => Check(dtype, Tensor.Softplus, SoftplusReference);

    [Theory]
    [MemberData(nameof(DTypes))]
    public void LogSigmoid(DType dtype) => Check(dtype, Tensor.LogSigmoid, x => -SoftplusReference(-x));

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Sigmoid(DType dtype) => Check(dtype, Tensor.Sigmoid, SigmoidReference);

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Gradients_of_softplus_logsigmoid_sigmoid_relu_tanh(DType dtype)
    {
        // Derivatives written through the output (σ′ = y(1 − y), tanh′ = 1 − y²) cancel when y rounds
        // to ±1, as in every autodiff library: they are checked to an absolute error of one ulp of 1.
        var ulp = dtype == DType.Float32 ? 1.2e-7 : 2.3e-16;
        var cases = new (Func<Tensor, Tensor> F, Func<double, double> Derivative, double Floor)[]
        {
            (Tensor.Softplus, SigmoidReference, 0),
            (Tensor.LogSigmoid, x => SigmoidReference(-x), 0),
            (Tensor.Sigmoid, x => SigmoidReference(x) * SigmoidReference(-x), ulp),
            (Tensor.Relu, x => x > 0 ? 1 : 0, 0),
            (Tensor.Tanh, x => 1 - Math.Tanh(x) * Math.Tanh(x), 2 * ulp),
            (t => Tensor.Linear(t.Reshape(-1, 1), Tensor.Ones(dtype, 1, 1), null, Activation.Relu), x => x > 0 ? 1 : 0, 0),
            (t => Tensor.Linear(t.Reshape(-1, 1), Tensor.Ones(dtype, 1, 1), null, Activation.Sigmoid), x => SigmoidReference(x) * SigmoidReference(-x), ulp),
            (t => Tensor.Linear(t.Reshape(-1, 1), Tensor.Ones(dtype, 1, 1), null, Activation.Softplus), SigmoidReference, ulp),
        };
        var xs = Xs.Where(v => Math.Abs(v) < 60).ToArray();
        foreach (var (f, derivative, floor) in cases)
        {
            var x = Tensor.Parameter(xs, dtype, xs.Length);
            f(x).Sum().Backward();
            var tol = dtype == DType.Float32 ? 1e-5 : 1e-13;
            for (var i = 0; i < xs.Length; i++)
            {
                var v = dtype == DType.Float32 ? (float)xs[i] : xs[i];
                var expected = derivative(v);
                Assert.True(Math.Abs(x.Grad![i] - expected) <= tol * Math.Abs(expected) + floor,
                    $"x = {xs[i]}: expected {expected:R}, got {x.Grad[i]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DTypes))]
    public void Linear_bias_and_relu_keep_nan_and_give_positive_zero(DType dtype)
    {
        // A row of 37 outputs (SIMD body and scalar tail): x = 1, W = I-like ones on the first row,
        // bias b; relu(1·w + b) = max(w + b, 0), NaN stays NaN, −0 becomes +0.
        const int outputs = 37;
        var w = new double[outputs];
        var b = new double[outputs];
        for (var j = 0; j < outputs; j++)
        {
            w[j] = j % 3 == 0 ? -1.0 : 0.5 * j;
            b[j] = 0.25;
        }
        w[5] = double.NaN;
        w[30] = double.NaN;
        w[7] = -0.25; // w + b = +0
        b[8] = -0.0; w[8] = -0.0; // −0 + −0 = −0 reaches the relu
        var y = Tensor.Linear(Tensor.FromDoubles([1.0], dtype, 1, 1), Tensor.FromDoubles(w, dtype, 1, outputs),
            Tensor.FromDoubles(b, dtype, outputs), Activation.Relu).ToArray();
        for (var j = 0; j < outputs; j++)
        {
            var expected = Math.Max(w[j] + b[j], 0);
            if (double.IsNaN(w[j]))
            {
                Assert.True(double.IsNaN(y[j]), $"output {j}: NaN became {y[j]}");
                continue;
            }
            Assert.Equal(expected, y[j]);
            Assert.False(double.IsNegative(y[j]), $"output {j} is {y[j]}");
        }
    }
}
