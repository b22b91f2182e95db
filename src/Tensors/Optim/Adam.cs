using System.Numerics;
using System.Runtime.CompilerServices;
using Ppl.Tensors.Ops;

namespace Ppl.Tensors.Optim;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, Algorithm 1, in PyTorch's form): g ← ∇θ + λθ; m ← β₁m + (1 − β₁)g;
/// v ← β₂v + (1 − β₂)g²; θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε), with t counting this
/// parameter's updates. One fused SIMD pass per parameter reads θ, g, m, v once.
/// </summary>
public sealed class Adam : Optimizer
{
    /// <summary>One group of parameters.</summary>
    public Adam(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0)
        : this([new ParameterGroup(parameters, learningRate, weightDecay)], beta1, beta2, epsilon)
    {
    }

    /// <summary>Several parameter groups with their own learning rates.</summary>
    public Adam(IEnumerable<ParameterGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(groups)
    {
        if (beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), "Adam's betas must lie in [0, 1)");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(epsilon);
        (Beta1, Beta2, Epsilon) = (beta1, beta2, epsilon);
    }

    /// <summary>Decay rate β₁ of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>Decay rate β₂ of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>ε added to the denominator.</summary>
    public double Epsilon { get; }

    // State: m, v, and a one-element tensor holding this parameter's update count t.
    private protected override Tensor[] CreateState(Tensor parameter) =>
        [StateLike(parameter), StateLike(parameter), Tensor.Persistent(DType.Float64, [1])];

    private protected override void Update(ParameterGroup group, Tensor parameter, Tensor gradient, Tensor[] state)
    {
        var counter = state[2].Span<double>();
        var t = ++counter[0];
        var bc1 = 1 - Math.Pow(Beta1, t);
        var bc2 = 1 - Math.Pow(Beta2, t);
        var stepSize = group.LearningRate / bc1;
        var invSqrtBc2 = 1 / Math.Sqrt(bc2);
        var m = state[0];
        var v = state[1];
        var decay = group.WeightDecay;
        // Adam is memory-bound: both cores' load bandwidth helps on large weight matrices.
        ParallelChunks.Run(parameter.Length, new UpdateJob(parameter, gradient, m, v,
            new Coefficients(Beta1, Beta2, Epsilon, decay, stepSize, invSqrtBc2)));
    }

    /// <summary>The constants of one update.</summary>
    private readonly record struct Coefficients(double Beta1, double Beta2, double Epsilon, double WeightDecay,
        double StepSize, double InvSqrtBc2);

    /// <summary>The fused update on a chunk of one parameter.</summary>
    private readonly record struct UpdateJob(Tensor Parameter, Tensor Gradient, Tensor M, Tensor V, Coefficients C) : IChunkJob
    {
        public void Run(int start, int count)
        {
            if (Parameter.DType == DType.Float32)
            {
                Fused<float>(Parameter.Span<float>().Slice(start, count), Gradient.Span<float>().Slice(start, count),
                    M.Span<float>().Slice(start, count), V.Span<float>().Slice(start, count), C);
            }
            else
            {
                Fused<double>(Parameter.Span<double>().Slice(start, count), Gradient.Span<double>().Slice(start, count),
                    M.Span<double>().Slice(start, count), V.Span<double>().Slice(start, count), C);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fused<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v, Coefficients c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T b1 = T.CreateChecked(c.Beta1), c1 = T.CreateChecked(1 - c.Beta1);
        T b2 = T.CreateChecked(c.Beta2), c2 = T.CreateChecked(1 - c.Beta2);
        T wd = T.CreateChecked(c.WeightDecay), step = T.CreateChecked(c.StepSize);
        T scale = T.CreateChecked(c.InvSqrtBc2), eps = T.CreateChecked(c.Epsilon);
        var normal = Subnormals.SmallestNormal<T>();
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var vb1 = new Vector<T>(b1);
            var vc1 = new Vector<T>(c1);
            var vb2 = new Vector<T>(b2);
            var vc2 = new Vector<T>(c2);
            var vwd = new Vector<T>(wd);
            var vstep = new Vector<T>(step);
            var vscale = new Vector<T>(scale);
            var veps = new Vector<T>(eps);
            var vnormal = new Vector<T>(normal);
            for (; i <= p.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var pv = new Vector<T>(p[i..]);
                var gv = new Vector<T>(g[i..]) + vwd * pv;
                // Moments that decay below the smallest normal number become 0 (Subnormals).
                var mv = Subnormals.Flush(vb1 * new Vector<T>(m[i..]) + vc1 * gv, vnormal);
                var vv = Subnormals.Flush(vb2 * new Vector<T>(v[i..]) + vc2 * gv * gv, vnormal);
                pv -= vstep * mv / (Vector.SquareRoot(vv) * vscale + veps);
                pv.CopyTo(p[i..]);
                mv.CopyTo(m[i..]);
                vv.CopyTo(v[i..]);
            }
        }
        for (; i < p.Length; i++)
        {
            var gi = g[i] + wd * p[i];
            var mi = b1 * m[i] + c1 * gi;
            var vi = b2 * v[i] + c2 * gi * gi;
            m[i] = Subnormals.Flush(mi, normal);
            v[i] = Subnormals.Flush(vi, normal);
            p[i] -= step * m[i] / (T.Sqrt(v[i]) * scale + eps);
        }
    }
}
