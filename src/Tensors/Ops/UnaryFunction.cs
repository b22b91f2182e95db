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
    private UnaryFunction? _function;

    internal static Tensor Apply(UnaryFunction function, Tensor x)
    {
        var y = Tensor.Empty(x.DType, x.ShapeArray);
        ParallelChunks.Run(x.Length, new ForwardJob(function, x, y));
        if (!x.Records)
        {
            return y;
        }
        var op = Rent<UnaryOp>();
        op._function = function;
        op.SetInputs(x);
        return y.WithCreator(op);
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
        ParallelChunks.Run(x.Length, new BackwardJob(_function!, x, output, gradient));
    }

    internal override void Clear()
    {
        base.Clear();
        _function = null;
    }

    /// <summary>y = f(x) on a chunk.</summary>
    private readonly record struct ForwardJob(UnaryFunction Function, Tensor X, Tensor Y) : IChunkJob
    {
        public void Run(int start, int count)
        {
            if (IsFloat(X))
            {
                Function.Forward<float>(X.Span<float>().Slice(start, count), Y.Span<float>().Slice(start, count));
            }
            else
            {
                Function.Forward<double>(X.Span<double>().Slice(start, count), Y.Span<double>().Slice(start, count));
            }
        }
    }

    /// <summary>dx += g · f′(x) on a chunk.</summary>
    private readonly record struct BackwardJob(UnaryFunction Function, Tensor X, Tensor Y, Tensor G) : IChunkJob
    {
        public void Run(int start, int count)
        {
            if (IsFloat(X))
            {
                Function.Backward<float>(X.Span<float>().Slice(start, count), Y.Span<float>().Slice(start, count),
                    G.Span<float>().Slice(start, count), X.GradSpan<float>().Slice(start, count));
            }
            else
            {
                Function.Backward<double>(X.Span<double>().Slice(start, count), Y.Span<double>().Slice(start, count),
                    G.Span<double>().Slice(start, count), X.GradSpan<double>().Slice(start, count));
            }
        }
    }
}
