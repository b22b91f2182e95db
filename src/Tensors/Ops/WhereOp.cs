using System.Numerics;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// y = condition ? a : b elementwise (condition non-zero means true), all three broadcast together.
/// The condition is a constant; a gets the gradient where it was chosen, b elsewhere.
/// </summary>
internal sealed class WhereOp : Op
{
    private Tensor? _condition;

    internal static Tensor Apply(Tensor condition, Tensor a, Tensor b)
    {
        ShapeMath.RequireSameDType(a, b);
        ShapeMath.RequireSameDType(a, condition);
        var shape = ShapeMath.Broadcast(ShapeMath.Broadcast(a.ShapeArray, b.ShapeArray), condition.ShapeArray);
        var y = Tensor.Empty(a.DType, shape);
        if (IsFloat(a))
        {
            Forward<float>(condition, a, b, y);
        }
        else
        {
            Forward<double>(condition, a, b, y);
        }
        if (!a.Records && !b.Records)
        {
            return y;
        }
        var op = Rent<WhereOp>();
        op._condition = condition;
        op.SetInputs(a, b);
        return y.WithCreator(op);
    }

    private static void Forward<T>(Tensor condition, Tensor a, Tensor b, Tensor y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shape = y.ShapeArray;
        var ys = y.Span<T>();
        Broadcasting.Expand(a.Span<T>(), a.ShapeArray, ys, shape);
        using var bs = new Scratch<T>(ys.Length);
        Broadcasting.Expand(b.Span<T>(), b.ShapeArray, bs.Span, shape);
        using var cs = new Scratch<T>(ys.Length);
        Broadcasting.Expand(condition.Span<T>(), condition.ShapeArray, cs.Span, shape);
        for (var i = 0; i < ys.Length; i++)
        {
            if (cs.Span[i] == T.Zero)
            {
                ys[i] = bs.Span[i];
            }
        }
    }

    internal override void Backward(Tensor output, Tensor gradient)
    {
        if (IsFloat(output))
        {
            Backward<float>(output, gradient);
        }
        else
        {
            Backward<double>(output, gradient);
        }
    }

    internal override void Clear()
    {
        base.Clear();
        _condition = null;
    }

    private void Backward<T>(Tensor output, Tensor gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shape = output.ShapeArray;
        var g = gradient.Span<T>();
        using var cs = new Scratch<T>(g.Length);
        Broadcasting.Expand(_condition!.Span<T>(), _condition.ShapeArray, cs.Span, shape);
        using var t = new Scratch<T>(g.Length);
        for (var side = 0; side < 2; side++)
        {
            var input = Inputs[side];
            if (!input.RequiresGrad)
            {
                continue;
            }
            for (var i = 0; i < g.Length; i++)
            {
                var chosen = (cs.Span[i] != T.Zero) == (side == 0);
                t.Span[i] = chosen ? g[i] : T.Zero;
            }
            Broadcasting.AccumulateSumTo<T>(t.Span, shape, input.GradSpan<T>(), input.ShapeArray, negate: false);
        }
    }
}
