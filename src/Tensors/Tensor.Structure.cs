using Ppl.Tensors.Nn;
using Ppl.Tensors.Ops;
using Ppl.Tensors.Random;

namespace Ppl.Tensors;

public sealed partial class Tensor
{
    /// <summary>Sum of all elements (a scalar).</summary>
    public Tensor Sum() => ReductionOp.Apply(ReductionKind.Sum, this, null, keepDims: false);

    /// <summary>Sum along an axis (negative counts from the end); <paramref name="keepDims"/> keeps it as size one.</summary>
    public Tensor Sum(int axis, bool keepDims = false) => ReductionOp.Apply(ReductionKind.Sum, this, axis, keepDims);

    /// <summary>Mean of all elements (a scalar).</summary>
    public Tensor Mean() => Length == 0 ? throw new InvalidOperationException("mean of no elements") : Sum() * (1.0 / Length);

    /// <summary>Mean along an axis.</summary>
    public Tensor Mean(int axis, bool keepDims = false) => Sum(axis, keepDims) * (1.0 / Size(axis));

    /// <summary>Maximum of all elements; the gradient goes to the first maximiser.</summary>
    public Tensor Max() => ReductionOp.Apply(ReductionKind.Max, this, null, keepDims: false);

    /// <summary>Maximum along an axis; the gradient goes to the first maximiser.</summary>
    public Tensor Max(int axis, bool keepDims = false) => ReductionOp.Apply(ReductionKind.Max, this, axis, keepDims);

    /// <summary>log Σ eˣ over all elements, computed without overflow.</summary>
    public Tensor LogSumExp() => ReductionOp.Apply(ReductionKind.LogSumExp, this, null, keepDims: false);

    /// <summary>log Σ eˣ along an axis, computed without overflow.</summary>
    public Tensor LogSumExp(int axis, bool keepDims = false) => ReductionOp.Apply(ReductionKind.LogSumExp, this, axis, keepDims);

    /// <summary>log softmax along an axis: x − logsumexp(x).</summary>
    public Tensor LogSoftmax(int axis = -1) => this - LogSumExp(axis, keepDims: true);

    /// <summary>softmax along an axis: exp(x − logsumexp(x)).</summary>
    public Tensor Softmax(int axis = -1) => Exp(LogSoftmax(axis));

    /// <summary>
    /// Matrix product with NumPy's <c>matmul</c> rules: 2-D × 2-D; a vector on either side is promoted to a
    /// matrix and its axis removed again; a stack [..., m, k] times a matrix [k, n] is one large product;
    /// [b, m, k] × [b, k, n] (or a 2-D operand shared by every batch) is a batched product.
    /// </summary>
    public static Tensor MatMul(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw new ArgumentException("matrix product of a scalar; use *");
        }
        if (a.Rank == 1 && b.Rank == 1)
        {
            return MatMul(a.Reshape(1, -1), b.Reshape(-1, 1)).Reshape();
        }
        if (a.Rank == 1)
        {
            var r = MatMul(a.Reshape(1, -1), b);
            // [..., 1, n] → [..., n].
            Span<int> shape = stackalloc int[r.Rank - 1];
            r.Shape[..^2].CopyTo(shape);
            shape[^1] = r.Size(-1);
            return r.Reshape(shape);
        }
        if (b.Rank == 1)
        {
            var r = MatMul(a, b.Reshape(-1, 1));
            return r.Reshape(r.ShapeArray.AsSpan(0, r.Rank - 1));
        }
        if (a.Rank > 2 && b.Rank == 2)
        {
            var flat = MatMulOp.Apply(a.Reshape(-1, a.Size(-1)), b);
            Span<int> shape = stackalloc int[a.Rank];
            a.Shape.CopyTo(shape);
            shape[^1] = b.Size(1);
            return flat.Reshape(shape);
        }
        if (a.Rank > 3 || b.Rank > 3)
        {
            var batch = a.Rank > 2 ? a.ShapeArray[..^2] : b.ShapeArray[..^2];
            var a3 = a.Rank > 2 ? a.Reshape(-1, a.Size(-2), a.Size(-1)) : a;
            var b3 = b.Rank > 2 ? b.Reshape(-1, b.Size(-2), b.Size(-1)) : b;
            var r = MatMulOp.Apply(a3, b3);
            return r.Reshape([.. batch, a.Size(-2), b.Size(-1)]);
        }
        return MatMulOp.Apply(a, b);
    }

    /// <summary>Swaps the last two axes.</summary>
    public Tensor Transpose() => TransposeOp.Apply(this);

    /// <summary>The same elements with a new shape (one size may be −1); a view, no copy.</summary>
    public Tensor Reshape(params ReadOnlySpan<int> shape) => ReshapeOp.Apply(this, shape);

    /// <summary>Elements <paramref name="start"/> to <paramref name="end"/> (exclusive) along an axis.</summary>
    public Tensor Slice(int axis, int start, int end) => SliceOp.Apply(this, axis, start, end);

    /// <summary>Joins tensors of equal shape off <paramref name="axis"/> along that axis.</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> parts, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return ConcatOp.Apply(parts, axis);
    }

    /// <summary>
    /// Selects entries along an axis by integer index (<c>mu[z]</c>: the result's axis has one entry per
    /// index). <paramref name="indices"/> is kept until backward and must not change meanwhile.
    /// </summary>
    public Tensor IndexSelect(int axis, int[] indices) => IndexSelectOp.Apply(this, axis, indices, gather: false);

    /// <summary>
    /// Picks one entry along an axis for every position of the other axes (<c>logp[n, z[n]]</c>); the axis
    /// is removed. <paramref name="indices"/> is row-major over the remaining axes, kept until backward.
    /// </summary>
    public Tensor Gather(int axis, int[] indices) => IndexSelectOp.Apply(this, axis, indices, gather: true);

    /// <summary>condition ? a : b elementwise (non-zero is true), broadcasting all three.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return WhereOp.Apply(condition, a, b);
    }

    /// <summary>This tensor converted to another element type (differentiable).</summary>
    public Tensor To(DType dtype) => CastOp.Apply(this, dtype);

    /// <summary>
    /// Inverted dropout: each element is zeroed with probability <paramref name="p"/> and the survivors
    /// scaled by 1/(1 − p), so the expectation is unchanged. Identity when not training or p = 0.
    /// </summary>
    public static Tensor Dropout(Tensor x, double p, RandomSource random, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(random);
        if (p is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "dropout probability must be in [0, 1)");
        }
        if (!training || p == 0)
        {
            return x;
        }
        var mask = Empty(x.DType, x.ShapeArray);
        var keep = 1 / (1 - p);
        if (x.DType == DType.Float32)
        {
            var m = mask.Span<float>();
            for (var i = 0; i < m.Length; i++)
            {
                m[i] = random.NextDouble() < p ? 0f : (float)keep;
            }
        }
        else
        {
            var m = mask.Span<double>();
            for (var i = 0; i < m.Length; i++)
            {
                m[i] = random.NextDouble() < p ? 0 : keep;
            }
        }
        return x * mask;
    }

    /// <summary>
    /// A dense layer act(x·W + b) as one fused op: x is [batch, in] (or [..., in]), W is [in, out], b is
    /// [out] or null.
    /// </summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias, Activation activation = Activation.Identity)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        if (x.Rank == 2)
        {
            return LinearOp.Apply(x, weight, bias, activation);
        }
        // [..., in] → [..., out] (a vector x gives a vector).
        Span<int> shape = stackalloc int[Math.Max(x.Rank, 1)];
        x.Shape.CopyTo(shape);
        shape[^1] = weight.Size(1);
        var y = LinearOp.Apply(x.Reshape(-1, x.Size(-1)), weight, bias, activation);
        return y.Reshape(shape);
    }
}
