using System.Globalization;
using System.Text;
using Ppl.Tensors.Autodiff;

namespace Ppl.Tensors;

/// <summary>
/// A dense, contiguous, row-major array of float32 or float64 values of any rank, with NumPy
/// broadcasting and reverse-mode autodiff.
/// </summary>
/// <remarks>
/// <para>
/// Why one non-generic type with a <see cref="DType"/> rather than <c>Tensor&lt;T&gt;</c>: the SVI
/// backend chooses the precision at run time (float32 for neural work, float64 on request and in
/// gradient checks) and the compiler's IR must hold tensors of either precision in one graph; a
/// generic type would force every consumer to be generic or to box. Each op dispatches on the element
/// type once, then runs a generic kernel (<c>where T : IFloatingPointIeee754&lt;T&gt;</c>) specialised
/// by the JIT for <c>float</c> and <c>double</c>, so there is no per-element dispatch.
/// </para>
/// <para>
/// Autodiff: a tensor produced by an op on inputs that require grad remembers the op (its creator);
/// <see cref="Backward()"/> sorts that implicit graph topologically and accumulates gradients into
/// <see cref="Grad"/> of the leaves that require grad. There is no global tape.
/// </para>
/// </remarks>
public sealed partial class Tensor : IReal<Tensor>
{
    // Not readonly: a pooled tensor object is reused by a later step (BufferPool.RentTensor).
    private Storage _storage;
    private int _offset;
    private int[] _shape;
    private int _generation;
    private bool _requiresGrad;

    internal Tensor(Storage storage, int offset, int[] shape)
    {
        _storage = storage;
        _offset = offset;
        _shape = shape;
        _generation = storage.Generation;
        Length = ShapeMath.Size(shape);
    }

    /// <summary>Makes a released pooled tensor object a fresh tensor over <paramref name="storage"/>.</summary>
    internal void Reuse(Storage storage, int offset, int[] shape)
    {
        _storage = storage;
        _offset = offset;
        _shape = shape;
        _generation = storage.Generation;
        Length = ShapeMath.Size(shape);
        _requiresGrad = false;
        Grad = null;
        Creator = null;
        VisitMark = 0;
    }

    /// <summary>
    /// Cuts a pooled tensor from the graph when its scope ends. The storage reference stays, so that a
    /// read through this object fails the generation check until the object is reused.
    /// </summary>
    internal void Release()
    {
        Grad = null;
        Creator = null;
        _requiresGrad = false;
    }

    /// <summary>The element type.</summary>
    public DType DType => _storage.DType;

    /// <summary>The number of axes (0 for a scalar).</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements.</summary>
    public int Length { get; private set; }

    /// <summary>The size of each axis.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    internal int[] ShapeArray => _shape;

    internal Storage Storage => _storage;

    internal int Offset => _offset;

    /// <summary>The size of one axis; negative axes count from the end.</summary>
    public int Size(int axis) => _shape[ShapeMath.NormalizeAxis(axis, Rank)];

    /// <summary>The elements as a float span (the tensor must be <see cref="DType.Float32"/>).</summary>
    public Span<float> AsFloatSpan() => AsSpan<float>();

    /// <summary>The elements as a double span (the tensor must be <see cref="DType.Float64"/>).</summary>
    public Span<double> AsDoubleSpan() => AsSpan<double>();

    /// <summary>The elements as a span of <typeparamref name="T"/> (float or double, matching <see cref="DType"/>).</summary>
    public Span<T> AsSpan<T>()
    {
        if (_storage.Data is not T[])
        {
            throw new InvalidOperationException($"tensor holds {DType}, not {typeof(T).Name}");
        }
        return Span<T>();
    }

    internal Span<T> Span<T>()
    {
        if (_storage.Generation != _generation)
        {
            ThrowReleased();
        }
        return _storage.Span<T>(_offset, Length);
    }

    /// <summary>Whether this tensor's buffer went back to its pool when its scope ended.</summary>
    internal bool IsReleased => _storage.Generation != _generation;

    private void ThrowReleased() =>
        throw new ObjectDisposedException(nameof(Tensor), "the TensorScope this tensor was created in has ended");

    /// <summary>The value of a one-element tensor.</summary>
    public double Item()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Item() needs one element, the tensor has {Length}");
        }
        return this[0];
    }

    /// <summary>The element at a flat (row-major) index, as a double.</summary>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public double this[int flatIndex]
    {
        get => DType == DType.Float32 ? Span<float>()[flatIndex] : Span<double>()[flatIndex];
        set
        {
            if (DType == DType.Float32)
            {
                Span<float>()[flatIndex] = (float)value;
            }
            else
            {
                Span<double>()[flatIndex] = value;
            }
        }
    }

    /// <summary>The element at a multi-index, as a double.</summary>
    public double At(params ReadOnlySpan<int> index) => this[ShapeMath.FlatIndex(_shape, index)];

    /// <summary>A copy of the elements, as doubles, in row-major order.</summary>
    public double[] ToArray()
    {
        var result = new double[Length];
        for (var i = 0; i < Length; i++)
        {
            result[i] = this[i];
        }
        return result;
    }

    /// <summary>A short description: dtype, shape and (for small tensors) the values.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Tensor<{DType}>[{string.Join(", ", _shape)}]");
        if (Length <= 16)
        {
            text.Append(" {");
            for (var i = 0; i < Length; i++)
            {
                text.Append(i == 0 ? " " : ", ").Append(this[i].ToString("G6", CultureInfo.InvariantCulture));
            }
            text.Append(" }");
        }
        return text.ToString();
    }

    // ---- creation ----------------------------------------------------------------------------

    /// <summary>
    /// An uninitialised tensor for an op result: pooled inside a <see cref="TensorScope"/>, else new.
    /// The shape array is shared, never written: pass an input's <see cref="ShapeArray"/> or a new array.
    /// </summary>
    internal static Tensor Empty(DType dtype, int[] shape)
    {
        var length = ShapeMath.Size(shape);
        var pool = TensorScope.Current;
        return pool is null
            ? new Tensor(Storage.Allocate(dtype, length), 0, shape)
            : pool.RentTensor(pool.Rent(dtype, length), 0, shape);
    }

    /// <summary>
    /// An uninitialised tensor of a computed shape (e.g. <c>[rows, columns]</c> or a stack-allocated
    /// span): inside a scope the shape comes from the pool's table, so nothing is allocated.
    /// </summary>
    internal static Tensor Empty(DType dtype, ReadOnlySpan<int> shape) => Empty(dtype, ShapeArrayFor(shape));

    /// <summary>
    /// A tensor over the storage of <paramref name="source"/> (a view: reshape, slice, detach), pooled
    /// inside a scope. It takes the source's generation, so a view of a stale tensor is stale too.
    /// </summary>
    internal static Tensor View(Tensor source, int offset, int[] shape)
    {
        var pool = TensorScope.Current;
        var view = pool is null ? new Tensor(source._storage, offset, shape) : pool.RentTensor(source._storage, offset, shape);
        view._generation = source._generation;
        return view;
    }

    /// <summary>A view of a computed shape.</summary>
    internal static Tensor View(Tensor source, int offset, ReadOnlySpan<int> shape) => View(source, offset, ShapeArrayFor(shape));

    /// <summary>An immutable array for a computed shape: the pool's shared one inside a scope, else a copy.</summary>
    internal static int[] ShapeArrayFor(ReadOnlySpan<int> shape) =>
        TensorScope.Current is { } pool ? pool.Shape(shape) : shape.IsEmpty ? ShapeMath.ScalarShape : shape.ToArray();

    /// <summary>A zero-filled tensor (pooled inside a scope).</summary>
    internal static Tensor ZerosPooled(DType dtype, int[] shape)
    {
        var t = Empty(dtype, shape);
        t.Fill(0);
        return t;
    }

    /// <summary>A new (never pooled) zero-filled tensor: for parameters, gradients, optimiser state.</summary>
    internal static Tensor Persistent(DType dtype, int[] shape) =>
        new(Storage.Allocate(dtype, ShapeMath.Size(shape)), 0, shape);

    /// <summary>
    /// A tensor of zeros. Like every tensor made inside a <see cref="TensorScope"/>, it lives only as
    /// long as the scope; make trainable values with <see cref="Parameter"/>.
    /// </summary>
    public static Tensor Zeros(DType dtype, params ReadOnlySpan<int> shape) => ZerosPooled(dtype, ShapeArrayFor(ShapeMath.Checked(shape)));

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(DType dtype, params ReadOnlySpan<int> shape) => Full(1, dtype, shape);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    public static Tensor Full(double value, DType dtype, params ReadOnlySpan<int> shape)
    {
        var t = Empty(dtype, ShapeArrayFor(ShapeMath.Checked(shape)));
        t.Fill(value);
        return t;
    }

    /// <summary>A rank-0 tensor.</summary>
    public static Tensor Scalar(double value, DType dtype = DType.Float64) => Full(value, dtype);

    /// <summary>A float64 tensor holding a copy of <paramref name="values"/> with the given shape
    /// (a vector when no shape is given).</summary>
    public static Tensor FromArray(ReadOnlySpan<double> values, params ReadOnlySpan<int> shape) =>
        FromDoubles(values, DType.Float64, shape);

    /// <summary>A float32 tensor holding a copy of <paramref name="values"/> with the given shape
    /// (a vector when no shape is given).</summary>
    public static Tensor FromArray(ReadOnlySpan<float> values, params ReadOnlySpan<int> shape)
    {
        var t = Empty(DType.Float32, ShapeFor(values.Length, shape));
        values.CopyTo(t.Span<float>());
        return t;
    }

    /// <summary>A tensor of the given element type holding <paramref name="values"/> converted.</summary>
    public static Tensor FromDoubles(ReadOnlySpan<double> values, DType dtype, params ReadOnlySpan<int> shape)
    {
        var t = Empty(dtype, ShapeFor(values.Length, shape));
        if (dtype == DType.Float64)
        {
            values.CopyTo(t.Span<double>());
        }
        else
        {
            var span = t.Span<float>();
            for (var i = 0; i < values.Length; i++)
            {
                span[i] = (float)values[i];
            }
        }
        return t;
    }

    /// <summary>
    /// A constant (no grad) that is never pooled, holding a copy of <paramref name="values"/>: data and
    /// cached constants that outlive the <see cref="TensorScope"/> in which they are first needed.
    /// </summary>
    public static Tensor Constant(ReadOnlySpan<double> values, DType dtype, params ReadOnlySpan<int> shape)
    {
        var t = Persistent(dtype, ShapeFor(values.Length, shape));
        for (var i = 0; i < values.Length; i++)
        {
            t[i] = values[i];
        }
        return t;
    }

    /// <summary>A scalar (shape []) constant that is never pooled.</summary>
    public static Tensor Constant(double value, DType dtype)
    {
        var t = Persistent(dtype, []);
        t[0] = value;
        return t;
    }

    /// <summary>
    /// A leaf that requires grad and is never pooled, holding a copy of <paramref name="values"/>:
    /// the way to make trainable parameters.
    /// </summary>
    public static Tensor Parameter(ReadOnlySpan<double> values, DType dtype, params ReadOnlySpan<int> shape)
    {
        var t = Persistent(dtype, ShapeFor(values.Length, shape));
        for (var i = 0; i < values.Length; i++)
        {
            t[i] = values[i];
        }
        t.RequiresGrad = true;
        return t;
    }

    /// <summary>One-hot rows: a [n, classes] tensor with a one at (i, indices[i]).</summary>
    public static Tensor OneHot(ReadOnlySpan<int> indices, int classes, DType dtype = DType.Float32)
    {
        var t = ZerosPooled(dtype, ShapeArrayFor([indices.Length, classes]));
        for (var i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"index {indices[i]} outside 0..{classes - 1}");
            }
            t[i * classes + indices[i]] = 1;
        }
        return t;
    }

    /// <summary>Sets every element to <paramref name="value"/> (in place; not recorded).</summary>
    public void Fill(double value)
    {
        if (DType == DType.Float32)
        {
            Span<float>().Fill((float)value);
        }
        else
        {
            Span<double>().Fill(value);
        }
    }

    /// <summary>Copies the values of <paramref name="source"/> (same length) into this tensor, in place.</summary>
    public void CopyFrom(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ShapeMath.RequireSameLength(this, source);
        if (DType == source.DType)
        {
            if (DType == DType.Float32)
            {
                source.Span<float>().CopyTo(Span<float>());
            }
            else
            {
                source.Span<double>().CopyTo(Span<double>());
            }
            return;
        }
        for (var i = 0; i < Length; i++)
        {
            this[i] = source[i];
        }
    }

    /// <summary>A copy with its own buffer, detached from the graph.</summary>
    public Tensor Clone()
    {
        var t = Empty(DType, _shape);
        t.CopyFrom(this);
        return t;
    }

    private static int[] ShapeFor(int length, ReadOnlySpan<int> shape)
    {
        var result = shape.IsEmpty ? ShapeArrayFor([length]) : ShapeArrayFor(ShapeMath.Checked(shape));
        if (ShapeMath.Size(result) != length)
        {
            throw new ArgumentException($"{length} values do not fill shape [{string.Join(", ", result)}]");
        }
        return result;
    }

    internal Tensor WithCreator(Op op)
    {
        Creator = op;
        _requiresGrad = true;
        return this;
    }
}
