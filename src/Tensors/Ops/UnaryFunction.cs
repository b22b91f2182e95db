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
        if (IsFloat(x))
        {
            function.Forward(x.Span<float>(), y.Span<float>());
        }
        else
        {
            function.Forward(x.Span<double>(), y.Span<double>());
        }
        return x.Records ? y.WithCreator(new UnaryOp(function, x)) : y;
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        var x = Inputs[0];
        if (IsFloat(x))
        {
            _function.Backward(x.Span<float>(), output.Span<float>(), gradient.Span<float>(), x.GradSpan<float>());
        }
        else
        {
            _function.Backward(x.Span<double>(), output.Span<double>(), gradient.Span<double>(), x.GradSpan<double>());
        }
    }
}
