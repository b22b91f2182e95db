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
}
