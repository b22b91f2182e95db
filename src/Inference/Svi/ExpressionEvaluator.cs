using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Tensors;
using Ppl.Tensors.Nn;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// Evaluates IR expressions on autodiff tensors over whole plates. A value's layout is its plates'
/// axes (outermost first, each as long as the plate is in this pass) followed by its type's shape;
/// operands are aligned by plate name and broadcast (NumPy rules) on the type axes.
/// </summary>
internal sealed class ExpressionEvaluator
{
    private readonly DType _dtype;
    private readonly Dictionary<IrExpr, Tensor> _constants = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates an evaluator.</summary>
    public ExpressionEvaluator(SizeBindings sizes, DType dtype)
    {
        Sizes = sizes;
        _dtype = dtype;
    }

    /// <summary>The values of the named sizes (replaced while held-out data is evaluated).</summary>
    public SizeBindings Sizes { get; set; }

    /// <summary>The values of named nodes in this pass.</summary>
    public Dictionary<string, Tensor> Values { get; } = [];

    /// <summary>The networks, by name.</summary>
    public Dictionary<string, NetState> Nets { get; } = [];

    /// <summary>Consts, by name (evaluated on use).</summary>
    public Dictionary<string, IrExpr> Consts { get; } = [];

    /// <summary>The current plate frame.</summary>
    public PlateFrame Frame { get; set; } = null!;

    /// <summary>Random source for dropout.</summary>
    public RandomSource Random { get; set; } = null!;

    /// <summary>Dropout is on (training, MC dropout) or off.</summary>
    public bool DropoutOn { get; set; } = true;

    /// <summary>The element type.</summary>
    public DType DType => _dtype;

    /// <summary>Concrete dimensions of a shape.</summary>
    public int[] Dims(Shape shape) => Sizes.Resolve(shape)
        ?? throw Unsupported($"a size of {shape} is not bound by the data");

    /// <summary>Concrete value of a size.</summary>
    public int Resolve(Size size) => Sizes.Resolve(size) ?? throw Unsupported($"size {size} is not bound by the data");

    /// <summary>The layout dims of a value in <paramref name="plates"/> of type <paramref name="type"/>.</summary>
    public int[] Layout(ImmutableArray<string> plates, IrType type) => [.. plates.Select(Frame.Size), .. Dims(type.Shape)];

    /// <summary>Evaluates <paramref name="expr"/>.</summary>
    public Tensor Evaluate(IrExpr expr) => expr switch
    {
        IrConstant c => Constant(c, () => Persistent(c.Values.AsSpan(), _dtype, Dims(c.Type.Shape))),
        IrSize s => Constant(s, () => Tensor.Constant(Resolve(s.Size), _dtype)),
        IrFill f => Constant(f, () => Fill(f)),
        IrRef r => Reference(r),
        IrPlateIndex p => PlateIndex(p),
        IrGather g => Gather(g),
        IrElement e => Element(e),
        IrSlice s => Evaluate(s.Target).Slice(s.Target.Plates.Length + s.Axis, Resolve(s.Lower), Resolve(s.Upper)),
        IrUnary u => Unary(u.Function, Evaluate(u.Operand)),
        IrBinary b => Binary(b),
        IrMatMul m => MatMul(m),
        IrReduce r => Reduce(r),
        IrArray a => ArrayLiteral(a),
        IrNetCall n => NetCall(n),
        _ => throw Unsupported($"expression {expr.GetType().Name}"),
    };

    /// <summary>
    /// Reshapes a value laid out over <paramref name="fromPlates"/> and a type of rank
    /// <paramref name="fromRank"/> so that it broadcasts against the layout of
    /// <paramref name="toPlates"/> and rank <paramref name="toRank"/>.
    /// </summary>
    public static Tensor Align(Tensor value, ImmutableArray<string> fromPlates, int fromRank, ImmutableArray<string> toPlates, int toRank)
    {
        if (fromPlates.SequenceEqual(toPlates) && fromRank == toRank)
        {
            return value;
        }
        var shape = new List<int>(toPlates.Length + toRank);
        var axis = 0;
        foreach (var plate in toPlates)
        {
            if (axis < fromPlates.Length && fromPlates[axis] == plate)
            {
                shape.Add(value.Size(axis));
                axis++;
            }
            else
            {
                shape.Add(1);
            }
        }
        if (axis != fromPlates.Length || fromRank > toRank)
        {
            throw Unsupported("operands whose plates do not nest");
        }
        for (var i = 0; i < toRank - fromRank; i++)
        {
            shape.Add(1);
        }
        for (var i = 0; i < fromRank; i++)
        {
            shape.Add(value.Size(fromPlates.Length + i));
        }
        return value.Reshape([.. shape]);
    }

    /// <summary>Aligns an expression's value to a target layout.</summary>
    public Tensor EvaluateAligned(IrExpr expr, ImmutableArray<string> toPlates, int toRank) =>
        Align(Evaluate(expr), expr.Plates, expr.Type.Shape.Rank, toPlates, toRank);

    /// <summary>An elementwise function.</summary>
    public static Tensor Unary(UnaryFunction function, Tensor x) => function switch
    {
        UnaryFunction.Negate => -x,
        UnaryFunction.Exp => Tensor.Exp(x),
        UnaryFunction.Log => Tensor.Log(x),
        UnaryFunction.Sqrt => Tensor.Sqrt(x),
        UnaryFunction.Sigmoid => Tensor.Sigmoid(x),
        UnaryFunction.Softplus => Tensor.Softplus(x),
        UnaryFunction.Relu => Tensor.Relu(x),
        UnaryFunction.Tanh => Tensor.Tanh(x),
        _ => throw Unsupported($"function {function}"),
    };

    /// <summary>
    /// A constant tensor that lives outside every <see cref="TensorScope"/> (cached constants and the
    /// data outlive the pooled step that first evaluates them); the same shape rule as
    /// <see cref="Tensor.FromDoubles"/>.
    /// </summary>
    public static Tensor Persistent(ReadOnlySpan<double> values, DType dtype, ReadOnlySpan<int> shape) =>
        Tensor.Constant(values, dtype, shape);

    /// <summary>Forgets the cached constants (after the sizes change).</summary>
    public void ClearConstants() => _constants.Clear();

    /// <summary>A backend refusal for a construct this evaluator cannot run.</summary>
    public static SviUnsupportedException Unsupported(string what) => new(what);

    private Tensor Constant(IrExpr key, Func<Tensor> make)
    {
        if (!_constants.TryGetValue(key, out var value))
        {
            value = make();
            _constants[key] = value;
        }
        return value;
    }

    private Tensor Fill(IrFill f)
    {
        var dims = Dims(f.Type.Shape);
        return Persistent(f.Values(dims), _dtype, dims);
    }

    private Tensor Reference(IrRef r)
    {
        if (r.Kind == SymbolKind.Const && !Values.ContainsKey(r.Name))
        {
            Values[r.Name] = Evaluate(Consts[r.Name]);
        }
        return Values.TryGetValue(r.Name, out var value)
            ? value
            : throw Unsupported($"'{r.Name}' has no value in this pass");
    }

    private Tensor PlateIndex(IrPlateIndex p)
    {
        var target = Evaluate(p.Target);
        var axis = p.Target.Plates.Length + p.Axis;
        if (p.Plates.IndexOf(p.Plate) != axis)
        {
            throw Unsupported($"indexing by plate '{p.Plate}' on an axis out of nesting order");
        }
        return Frame.Indices(p.Plate) is { } indices ? target.IndexSelect(axis, indices) : target;
    }

    private Tensor Gather(IrGather g)
    {
        if (g.Target.Plates.Length != 0 || g.Index.Type.Shape.Rank != 0)
        {
            throw Unsupported("an index into a plated value");
        }
        var index = Evaluate(g.Index).ToArray();
        var positions = new int[index.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = (int)index[i];
        }
        var selected = Evaluate(g.Target).IndexSelect(0, positions);
        return Align(selected.Reshape([.. g.Index.Plates.Select(Frame.Size), .. Dims(g.Type.Shape)]),
            g.Index.Plates, g.Type.Shape.Rank, g.Plates, g.Type.Shape.Rank);
    }

    private Tensor Element(IrElement e)
    {
        var target = Evaluate(e.Target);
        var axis = e.Target.Plates.Length + e.Axis;
        var sliced = target.Slice(axis, e.Position, e.Position + 1);
        var shape = sliced.Shape.ToArray().ToList();
        shape.RemoveAt(axis);
        return sliced.Reshape([.. shape]);
    }

    private Tensor Binary(IrBinary b)
    {
        var rank = b.Type.Shape.Rank;
        if (b.Function == BinaryFunction.Power && b.Right is IrConstant { Values.Length: 1 } exponent)
        {
            return Tensor.Pow(EvaluateAligned(b.Left, b.Plates, rank), exponent.Values[0]);
        }
        var left = EvaluateAligned(b.Left, b.Plates, rank);
        var right = EvaluateAligned(b.Right, b.Plates, rank);
        return b.Function switch
        {
            BinaryFunction.Add => left + right,
            BinaryFunction.Subtract => left - right,
            BinaryFunction.Multiply => left * right,
            BinaryFunction.Divide => left / right,
            BinaryFunction.Power => Tensor.Pow(left, right),
            _ => throw Unsupported($"operator {b.Function}"),
        };
    }

    private Tensor MatMul(IrMatMul m)
    {
        var left = Evaluate(m.Left);
        var right = Evaluate(m.Right);
        int lr = m.Left.Type.Shape.Rank, rr = m.Right.Type.Shape.Rank;
        int lp = m.Left.Plates.Length, rp = m.Right.Plates.Length;
        var outDims = Layout(m.Plates, m.Type);
        if (lp == 0 && rp == 0)
        {
            return Tensor.MatMul(left, right);
        }
        if (lr == 1 && rr == 1)
        {
            // dot product along the shared last axis, plates aligned.
            var product = Align(left, m.Left.Plates, 1, m.Plates, 1) * Align(right, m.Right.Plates, 1, m.Plates, 1);
            return product.Sum(-1).Reshape(outDims);
        }
        if (rp == 0 && lr == 1)
        {
            // x[n] @ W: rows of x times W (or w: a vector).
            var rows = left.Reshape(-1, left.Size(-1));
            var result = rr == 1 ? Tensor.MatMul(rows, right.Reshape(-1, 1)) : Tensor.MatMul(rows, right);
            return Align(result.Reshape([.. m.Left.Plates.Select(Frame.Size), .. Dims(m.Type.Shape)]), m.Left.Plates, m.Type.Shape.Rank, m.Plates, m.Type.Shape.Rank);
        }
        if (lp == 0 && lr == 2 && rr == 1)
        {
            // W @ z[n] = z[n] Wᵀ, for every n.
            var rows = right.Reshape(-1, right.Size(-1));
            var result = Tensor.MatMul(rows, left.Transpose());
            return Align(result.Reshape([.. m.Right.Plates.Select(Frame.Size), .. Dims(m.Type.Shape)]), m.Right.Plates, 1, m.Plates, 1);
        }
        if (rp == 0 && lr == 2 && rr == 1)
        {
            // X[n] @ w with X[n] a matrix per n.
            var rows = left.Reshape(-1, left.Size(-1));
            var result = Tensor.MatMul(rows, right.Reshape(-1, 1));
            return result.Reshape(outDims);
        }
        throw Unsupported("this matrix product over plates");
    }

    private Tensor Reduce(IrReduce r)
    {
        var value = Evaluate(r.Operand);
        var plates = r.Operand.Plates.Select(Frame.Size).ToArray();
        var outer = plates.Aggregate(1, (a, b) => a * b);
        var summed = value.Reshape(outer, -1).Sum(1);
        if (r.Function == ReduceFunction.Mean)
        {
            summed *= (double)outer / value.Length;
        }
        return summed.Reshape(plates);
    }

    private Tensor ArrayLiteral(IrArray a)
    {
        var elementRank = a.Type.Shape.Rank - 1;
        var dims = Layout(a.Plates, a.Type);
        var elementShape = dims.ToList();
        elementShape[a.Plates.Length] = 1;
        var zeros = Tensor.Zeros(_dtype, [.. elementShape]);
        var parts = a.Elements
            .Select(e => Align(Evaluate(e), e.Plates, e.Type.Shape.Rank, a.Plates, elementRank))
            .Select(t => t.Reshape(InsertAxis(t, a.Plates.Length)) + zeros)
            .ToList();
        return Tensor.Concat(parts, a.Plates.Length);
    }

    private static int[] InsertAxis(Tensor t, int axis)
    {
        var shape = t.Shape.ToArray().ToList();
        shape.Insert(axis, 1);
        return [.. shape];
    }

    private Tensor NetCall(IrNetCall n)
    {
        var net = Nets[n.Net];
        var input = Evaluate(n.Input);
        var width = input.Size(-1);
        var outer = input.Shape[..^1].ToArray();
        var output = Mlp.Run(input.Reshape(-1, width), net.Weights, net.Activation, DropoutOn ? net.Dropout : 0, Random);
        return output.Reshape([.. outer, output.Size(-1)]);
    }
}

/// <summary>A network's weights in the current pass (learned, or sampled from the guide when it has a prior).</summary>
internal sealed class NetState
{
    /// <summary>Creates the state.</summary>
    public NetState(Activation activation, double dropout, int[] sizes)
    {
        Activation = activation;
        Dropout = dropout;
        Sizes = sizes;
    }

    /// <summary>The hidden activation.</summary>
    public Activation Activation { get; }

    /// <summary>Dropout probability of hidden layers.</summary>
    public double Dropout { get; }

    /// <summary>Layer widths.</summary>
    public int[] Sizes { get; }

    /// <summary>[W₀, b₀, W₁, b₁, …] for this pass.</summary>
    public IReadOnlyList<Tensor> Weights { get; set; } = [];
}

/// <summary>A construct the SVI backend cannot evaluate; turned into a user diagnostic by the backend.</summary>
internal sealed class SviUnsupportedException(string message) : Exception(message);
