using System.Numerics.Tensors;

namespace Ppl.Tensors.Ops;

/// <summary>y = eˣ; dy/dx = y.</summary>
internal sealed class ExpFunction : UnaryFunction
{
    internal static readonly ExpFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Exp(x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx) =>
        TensorPrimitives.FusedMultiplyAdd(g, y, dx, dx);
}

/// <summary>y = log x; dy/dx = 1/x.</summary>
internal sealed class LogFunction : UnaryFunction
{
    internal static readonly LogFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Log(x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        using var t = new Scratch<T>(x.Length);
        TensorPrimitives.Divide(g, x, t.Span);
        TensorPrimitives.Add(dx, t.Span, dx);
    }
}

/// <summary>y = log(1 + x); dy/dx = 1/(1 + x).</summary>
internal sealed class Log1pFunction : UnaryFunction
{
    internal static readonly Log1pFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = ElementMath.Log1p(x[i]);
        }
    }

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            dx[i] += g[i] / (T.One + x[i]);
        }
    }
}

/// <summary>y = eˣ − 1; dy/dx = y + 1.</summary>
internal sealed class Expm1Function : UnaryFunction
{
    internal static readonly Expm1Function Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = ElementMath.Expm1(x[i]);
        }
    }

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            dx[i] += g[i] * (y[i] + T.One);
        }
    }
}

/// <summary>y = √x; dy/dx = 1/(2y).</summary>
internal sealed class SqrtFunction : UnaryFunction
{
    internal static readonly SqrtFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Sqrt(x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        using var t = new Scratch<T>(x.Length);
        TensorPrimitives.Divide(g, y, t.Span);
        TensorPrimitives.MultiplyAdd(t.Span, T.CreateChecked(0.5), dx, dx);
    }
}

/// <summary>y = x²; dy/dx = 2x.</summary>
internal sealed class SquareFunction : UnaryFunction
{
    internal static readonly SquareFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Multiply(x, x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        using var t = new Scratch<T>(x.Length);
        TensorPrimitives.Multiply(g, x, t.Span);
        TensorPrimitives.MultiplyAdd(t.Span, T.CreateChecked(2), dx, dx);
    }
}

/// <summary>y = |x|; dy/dx = sign(x) (zero at zero, the subgradient PyTorch uses).</summary>
internal sealed class AbsFunction : UnaryFunction
{
    internal static readonly AbsFunction Instance = new();

    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) => TensorPrimitives.Abs(x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            dx[i] += x[i] > T.Zero ? g[i] : x[i] < T.Zero ? -g[i] : T.Zero;
        }
    }
}

/// <summary>y = xᵖ for a constant p; dy/dx = p·xᵖ⁻¹.</summary>
internal sealed class PowFunction(double exponent) : UnaryFunction
{
    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) =>
        TensorPrimitives.Pow(x, T.CreateChecked(exponent), y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        var p = T.CreateChecked(exponent);
        var pm1 = T.CreateChecked(exponent - 1);
        for (var i = 0; i < x.Length; i++)
        {
            dx[i] += g[i] * p * T.Pow(x[i], pm1);
        }
    }
}

/// <summary>y = a·x + b for constants a, b (negation, shifts and scalings by constants); dy/dx = a.</summary>
internal sealed class AffineFunction(double scale, double shift) : UnaryFunction
{
    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y)
    {
        if (scale == 1)
        {
            TensorPrimitives.Add(x, T.CreateChecked(shift), y);
            return;
        }
        TensorPrimitives.Multiply(x, T.CreateChecked(scale), y);
        if (shift != 0)
        {
            TensorPrimitives.Add(y, T.CreateChecked(shift), y);
        }
    }

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        if (scale == 1)
        {
            TensorPrimitives.Add(dx, g, dx);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(g, T.CreateChecked(scale), dx, dx);
        }
    }
}

/// <summary>y = c / x for a constant c; dy/dx = −c/x² = −y/x.</summary>
internal sealed class ScaledReciprocalFunction(double numerator) : UnaryFunction
{
    internal override void Forward<T>(ReadOnlySpan<T> x, Span<T> y) =>
        TensorPrimitives.Divide(T.CreateChecked(numerator), x, y);

    internal override void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            dx[i] -= g[i] * y[i] / x[i];
        }
    }
}
