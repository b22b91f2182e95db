using System.Numerics;
using System.Numerics.Tensors;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors.Ops;

/// <summary>
/// y = a ∘ b for ∘ in {+, −, ×, ÷, ^} with NumPy broadcasting. Backward computes each partial at the
/// output's shape and sums it back to the operand's shape:
/// ∂(a+b) = (1, 1), ∂(a−b) = (1, −1), ∂(ab) = (b, a), ∂(a/b) = (1/b, −y/b), ∂(aᵇ) = (b·aᵇ⁻¹, y·log a).
/// </summary>
internal sealed class BinaryOp : Op
{
    private BinaryKind _kind;

    internal static Tensor Apply(BinaryKind kind, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ShapeMath.RequireSameDType(a, b);
        var shape = ShapeMath.Broadcast(a.ShapeArray, b.ShapeArray);
        var y = Tensor.Empty(a.DType, shape);
        if (a.Length == y.Length && b.Length == y.Length && ParallelChunks.IsLarge(y.Length))
        {
            ParallelChunks.Run(y.Length, new SameShapeJob(kind, a, b, y));
        }
        else if (IsFloat(a))
        {
            Broadcasting.Map(kind, a.Span<float>(), a.ShapeArray, b.Span<float>(), b.ShapeArray, y.Span<float>(), shape);
        }
        else
        {
            Broadcasting.Map(kind, a.Span<double>(), a.ShapeArray, b.Span<double>(), b.ShapeArray, y.Span<double>(), shape);
        }
        if (!a.Records && !b.Records)
        {
            return y;
        }
        var op = Rent<BinaryOp>();
        op._kind = kind;
        op.SetInputs(a, b);
        return y.WithCreator(op);
    }

    /// <summary>y = a ∘ b on a chunk of same-shape operands.</summary>
    private readonly record struct SameShapeJob(BinaryKind Kind, Tensor A, Tensor B, Tensor Y) : IChunkJob
    {
        public void Run(int start, int count)
        {
            if (IsFloat(A))
            {
                Broadcasting.Map<float>(Kind, A.Span<float>().Slice(start, count), A.ShapeArray, B.Span<float>().Slice(start, count),
                    B.ShapeArray, Y.Span<float>().Slice(start, count), Y.ShapeArray);
            }
            else
            {
                Broadcasting.Map<double>(Kind, A.Span<double>().Slice(start, count), A.ShapeArray, B.Span<double>().Slice(start, count),
                    B.ShapeArray, Y.Span<double>().Slice(start, count), Y.ShapeArray);
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

    private void Backward<T>(Tensor output, Tensor gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = Inputs[0];
        var b = Inputs[1];
        var g = gradient.Span<T>();
        var y = output.Span<T>();
        var shape = output.ShapeArray;
        if (a.RequiresGrad)
        {
            var da = a.GradSpan<T>();
            switch (_kind)
            {
                case BinaryKind.Add:
                case BinaryKind.Subtract:
                    Broadcasting.AccumulateSumTo(g, shape, da, a.ShapeArray, negate: false);
                    break;
                case BinaryKind.Multiply when a.Length == g.Length && b.Length == g.Length:
                    TensorPrimitives.FusedMultiplyAdd(g, b.Span<T>(), da, da);
                    break;
                case BinaryKind.Multiply:
                case BinaryKind.Divide:
                    {
                        // ∂(ab)/∂a = b; ∂(a/b)/∂a = 1/b.
                        using var t = new Scratch<T>(g.Length);
                        Broadcasting.Map(_kind, g, shape, b.Span<T>(), b.ShapeArray, t.Span, shape);
                        Broadcasting.AccumulateSumTo<T>(t.Span, shape, da, a.ShapeArray, negate: false);
                        break;
                    }
                default:
                    {
                        // ∂aᵇ/∂a = b · a^(b−1), computed without dividing by a (a may be zero).
                        using var bm1 = new Scratch<T>(b.Length);
                        TensorPrimitives.Subtract(b.Span<T>(), T.One, bm1.Span);
                        using var t = new Scratch<T>(g.Length);
                        Broadcasting.Map<T>(BinaryKind.Power, a.Span<T>(), a.ShapeArray, bm1.Span, b.ShapeArray, t.Span, shape);
                        Broadcasting.Map<T>(BinaryKind.Multiply, t.Span, shape, b.Span<T>(), b.ShapeArray, t.Span, shape);
                        TensorPrimitives.Multiply(t.Span, g, t.Span);
                        Broadcasting.AccumulateSumTo<T>(t.Span, shape, da, a.ShapeArray, negate: false);
                        break;
                    }
            }
        }
        if (b.RequiresGrad)
        {
            var db = b.GradSpan<T>();
            switch (_kind)
            {
                case BinaryKind.Add:
                    Broadcasting.AccumulateSumTo(g, shape, db, b.ShapeArray, negate: false);
                    break;
                case BinaryKind.Subtract:
                    Broadcasting.AccumulateSumTo(g, shape, db, b.ShapeArray, negate: true);
                    break;
                case BinaryKind.Multiply when a.Length == g.Length && b.Length == g.Length:
                    TensorPrimitives.FusedMultiplyAdd(g, a.Span<T>(), db, db);
                    break;
                case BinaryKind.Multiply:
                    {
                        using var t = new Scratch<T>(g.Length);
                        Broadcasting.Map(BinaryKind.Multiply, g, shape, a.Span<T>(), a.ShapeArray, t.Span, shape);
                        Broadcasting.AccumulateSumTo<T>(t.Span, shape, db, b.ShapeArray, negate: false);
                        break;
                    }
                case BinaryKind.Divide:
                    {
                        // ∂(a/b)/∂b = −a/b² = −y/b.
                        using var t = new Scratch<T>(g.Length);
                        Broadcasting.Map(BinaryKind.Divide, y, shape, b.Span<T>(), b.ShapeArray, t.Span, shape);
                        TensorPrimitives.Multiply(t.Span, g, t.Span);
                        Broadcasting.AccumulateSumTo<T>(t.Span, shape, db, b.ShapeArray, negate: true);
                        break;
                    }
                default:
                    {
                        // ∂aᵇ/∂b = aᵇ · log a.
                        using var logA = new Scratch<T>(a.Length);
                        TensorPrimitives.Log(a.Span<T>(), logA.Span);
                        using var t = new Scratch<T>(g.Length);
                        Broadcasting.Map<T>(BinaryKind.Multiply, y, shape, logA.Span, a.ShapeArray, t.Span, shape);
                        TensorPrimitives.Multiply(t.Span, g, t.Span);
                        Broadcasting.AccumulateSumTo<T>(t.Span, shape, db, b.ShapeArray, negate: false);
                        break;
                    }
            }
        }
    }
}
