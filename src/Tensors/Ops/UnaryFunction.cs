using System.Numerics;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// An elementwise function y = f(x) with its derivative. Each concrete function is one small sealed
/// class (forward and backward side by side); <see cref="UnaryOp"/> applies and records it.
/// </summary>
internal abstract class UnaryFunction
{
    /// <summary>y = f(x).</summary>
    internal abstract void Forward<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>dx += g · f′(x) (y = f(x) is given, many derivatives are cheapest through it).</summary>
    internal abstract void Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> g, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>Applies a <see cref="UnaryFunction"/> and records it for autodiff when needed.</summary>
internal sealed class UnaryOp : Op
{
    private readonly UnaryFunction _function;

    private UnaryOp(UnaryFunction function, Tensor x) : base(x) => _function = function;

    internal static Tensor Apply(UnaryFunction function, Tensor x)
    {
        var y = Tensor.Empty(x.DType, x.ShapeArray);
        if (ParallelChunks.IsLarge(x.Length))
        {
            ParallelChunks.Run(x.Length, (start, count) => Forward(function, x, y, start, count));
        }
        else
        {
            Forward(function, x, y, 0, x.Length);
        }
        return x.Records ? y.WithCreator(new UnaryOp(function, x)) : y;
    }

    private static void Forward(UnaryFunction function, Tensor x, Tensor y, int start, int count)
    {
        if (IsFloat(x))
        {
            function.Forward<float>(x.Span<float>().Slice(start, count), y.Span<float>().Slice(start, count));
        }
        else
        {
            function.Forward<double>(x.Span<double>().Slice(start, count), y.Span<double>().Slice(start, count));
        }
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        var x = Inputs[0];
        if (IsFloat(x))
        {
            x.GradSpan<float>();
        }
        else
        {
            x.GradSpan<double>();
        }
        if (ParallelChunks.IsLarge(x.Length))
        {
            ParallelChunks.Run(x.Length, (start, count) => Backward(_function, x, output, gradient, start, count));
        }
        else
        {
            Backward(_function, x, output, gradient, 0, x.Length);
        }
    }

    private static void Backward(UnaryFunction function, Tensor x, Tensor y, Tensor g, int start, int count)
    {
        if (IsFloat(x))
        {
            function.Backward<float>(x.Span<float>().Slice(start, count), y.Span<float>().Slice(start, count),
                g.Span<float>().Slice(start, count), x.GradSpan<float>().Slice(start, count));
        }
        else
        {
            function.Backward<double>(x.Span<double>().Slice(start, count), y.Span<double>().Slice(start, count),
                g.Span<double>().Slice(start, count), x.GradSpan<double>().Slice(start, count));
        }
    }
}
