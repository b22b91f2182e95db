using System.Numerics.Tensors;

namespace Ppl.Tensors.Ops;

/// <summary>y = tanh x; dy/dx = 1 − y².</summary>
internal sealed class TanhFunction : UnaryFunction
{
    internal static readonly TanhFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Tanh(x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) =>
        VectorMath.SaturatingGradient(y, g, dx, tanh: true, accumulate: true);
}

/// <summary>y = σ(x) = 1/(1 + e⁻ˣ); dy/dx = y(1 − y).</summary>
internal sealed class SigmoidFunction : UnaryFunction
{
    internal static readonly SigmoidFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => VectorMath.Sigmoid(x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) =>
        VectorMath.SaturatingGradient(y, g, dx, tanh: false, accumulate: true);
}

/// <summary>y = max(x, 0); dy/dx = [x &gt; 0].</summary>
internal sealed class ReluFunction : UnaryFunction
{
    internal static readonly ReluFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Max(x, T.Zero, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) =>
        VectorMath.ReluGradient(x, g, dx, accumulate: true);
}

/// <summary>y = softplus(x) = log(1 + eˣ); dy/dx = σ(x).</summary>
internal sealed class SoftplusFunction : UnaryFunction
{
    internal static readonly SoftplusFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => VectorMath.Softplus(x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) =>
        VectorMath.AddSigmoidTimes(x, g, dx, negate: false);
}

/// <summary>y = log σ(x) = −softplus(−x); dy/dx = σ(−x).</summary>
internal sealed class LogSigmoidFunction : UnaryFunction
{
    internal static readonly LogSigmoidFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => VectorMath.LogSigmoid(x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) =>
        VectorMath.AddSigmoidTimes(x, g, dx, negate: true);
}

/// <summary>y = min(max(x, lo), hi); dy/dx = [lo ≤ x ≤ hi].</summary>
internal sealed class ClampFunction(double min, double max) : UnaryFunction
{
    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y)
    {
        TensorPrimitives.Max(x, T.CreateChecked(min), y);
        TensorPrimitives.Min(y, T.CreateChecked(max), y);
    }

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        var lo = T.CreateChecked(min);
        var hi = T.CreateChecked(max);
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] >= lo && x[i] <= hi)
            {
                dx[i] += g[i];
            }
        }
    }
}
