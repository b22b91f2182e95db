using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;

namespace Ppl.Inference.Sampling;

/// <summary>
/// Evaluates IR expressions in double precision for forward sampling, one plate element at a time:
/// the environment maps each enclosing plate's index to a position. A node's value is stored whole,
/// its plate axes first (outermost first), then its type's axes; a reference selects the positions of
/// the plates that enclose the use and keeps the others as leading axes (IrRef's convention).
/// </summary>
internal sealed class IrEvaluator(ModelIr ir, BoundData data)
{
    private readonly Dictionary<string, (SampledValue Value, IReadOnlyList<string> Plates)> _values = [];

    /// <summary>The stored value of node <paramref name="name"/>, plate axes first.</summary>
    public SampledValue Value(string name) => _values[name].Value;

    /// <summary>Computes a node once per element of its plates and stores the whole array.</summary>
    /// <param name="name">The node.</param>
    /// <param name="plates">Its plates, outermost first.</param>
    /// <param name="type">One element's type.</param>
    /// <param name="element">The value of one element given the plate positions.</param>
    public void Store(string name, IReadOnlyList<string> plates, IrType type, Func<IReadOnlyDictionary<string, int>, SampledValue> element)
    {
        var sizes = plates.Select(PlateSize).ToArray();
        var total = sizes.Aggregate(1, (a, b) => a * b);
        var env = new Dictionary<string, int>();
        double[]? values = null;
        int[] elementShape = [];
        for (var flat = 0; flat < total; flat++)
        {
            var rest = flat;
            for (var k = plates.Count - 1; k >= 0; k--)
            {
                env[plates[k]] = rest % sizes[k];
                rest /= sizes[k];
            }
            var value = element(env);
            if (values is null)
            {
                elementShape = value.Shape;
                values = new double[total * value.Values.Length];
            }
            Array.Copy(value.Values, 0, values, flat * value.Values.Length, value.Values.Length);
        }
        values ??= [];
        if (total == 0)
        {
            elementShape = Resolve(type.Shape);
        }
        _values[name] = (new SampledValue([.. sizes, .. elementShape], values), plates);
    }

    /// <summary>Stores a whole value computed elsewhere (a posterior draw), plate axes first.</summary>
    /// <param name="name">The node.</param>
    /// <param name="plates">Its plates, outermost first.</param>
    /// <param name="value">Its value.</param>
    public void Set(string name, IReadOnlyList<string> plates, SampledValue value) => _values[name] = (value, plates);

    /// <summary>The whole shape of a node with <paramref name="plates"/> and <paramref name="type"/>: plate sizes, then the type's axes.</summary>
    public int[] ShapeOf(IReadOnlyList<string> plates, IrType type) => [.. plates.Select(PlateSize), .. Resolve(type.Shape)];

    /// <summary>Evaluates <paramref name="expression"/> at the plate positions in <paramref name="env"/>.</summary>
    public SampledValue Evaluate(IrExpr expression, IReadOnlyDictionary<string, int> env) => expression switch
    {
        IrConstant c => new SampledValue(Resolve(c.Type.Shape), [.. c.Values]),
        IrRef r => Reference(r, env),
        IrPlateIndex p => Evaluate(p.Target, env).Take(p.Axis, Position(env, p.Plate, p)),
        IrGather g => Gather(g, env),
        IrElement e => Evaluate(e.Target, env).Take(e.Axis, e.Position),
        IrSlice s => Evaluate(s.Target, env).Slice(s.Axis, SizeOf(s.Lower, s), SizeOf(s.Upper, s)),
        IrUnary u => Map(Evaluate(u.Operand, env), IrFunctions.Unary(u.Function)),
        IrBinary b => SampledValue.Broadcast(Evaluate(b.Left, env), Evaluate(b.Right, env), IrFunctions.Binary(b.Function)),
        IrMatMul m => MatMul(Evaluate(m.Left, env), Evaluate(m.Right, env), m),
        IrReduce r => Reduce(Evaluate(r.Operand, env), r.Function),
        IrFill f => Fill(f),
        IrArray a => Stack(a, env),
        IrSize s => SampledValue.Scalar(SizeOf(s.Size, s)),
        IrNetCall n => throw new ForwardSamplingException($"the network '{n.Net}' cannot be sampled forwards (its weights are learned)", n.Span),
        _ => throw new ForwardSamplingException($"{expression.GetType().Name} is not covered by forward sampling", expression.Span),
    };

    private SampledValue Reference(IrRef reference, IReadOnlyDictionary<string, int> env)
    {
        if (!_values.TryGetValue(reference.Name, out var stored))
        {
            if (reference.Kind == SymbolKind.Data && data.Arrays.TryGetValue(reference.Name, out var array))
            {
                var values = array.Reals ?? [.. array.Integers!.Select(i => (double)i)];
                stored = (new SampledValue([.. array.Shape], values), ir.Find(reference.Name)?.Plates ?? []);
                _values[reference.Name] = stored;
            }
            else
            {
                throw new ForwardSamplingException($"'{reference.Name}' has no value (a {reference.Kind.ToString().ToLowerInvariant()} without data or prior)", reference.Span);
            }
        }
        // Fix the enclosing plates' axes, from the innermost so earlier axis numbers stay valid.
        var value = stored.Value;
        for (var k = stored.Plates.Count - 1; k >= 0; k--)
        {
            if (reference.Plates.Contains(stored.Plates[k]))
            {
                value = value.Take(k, Position(env, stored.Plates[k], reference));
            }
        }
        return value;
    }

    private SampledValue Gather(IrGather gather, IReadOnlyDictionary<string, int> env)
    {
        var index = Evaluate(gather.Index, env);
        if (index.Values.Length != 1)
        {
            throw new ForwardSamplingException("an index must be a single whole number here", gather.Span);
        }
        return Evaluate(gather.Target, env).Take(0, (int)Math.Round(index.Values[0]));
    }

    private static SampledValue Map(SampledValue value, Func<double, double> function) =>
        new(value.Shape, [.. value.Values.Select(function)]);

    private static SampledValue MatMul(SampledValue left, SampledValue right, IrExpr site)
    {
        var a = left.Shape.Length == 1 ? new SampledValue([1, left.Shape[0]], left.Values) : left;
        var b = right.Shape.Length == 1 ? new SampledValue([right.Shape[0], 1], right.Values) : right;
        if (a.Shape.Length != 2 || b.Shape.Length != 2 || a.Shape[1] != b.Shape[0])
        {
            throw new ForwardSamplingException($"cannot multiply [{string.Join(", ", left.Shape)}] by [{string.Join(", ", right.Shape)}]", site.Span);
        }
        var (n, inner, m) = (a.Shape[0], a.Shape[1], b.Shape[1]);
        var values = new double[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < inner; k++)
                {
                    sum += a.Values[i * inner + k] * b.Values[k * m + j];
                }
                values[i * m + j] = sum;
            }
        }
        int[] shape = (left.Shape.Length, right.Shape.Length) switch
        {
            (1, 1) => [],
            (1, _) => [m],
            (_, 1) => [n],
            _ => [n, m],
        };
        return new SampledValue(shape, values);
    }

    private static SampledValue Reduce(SampledValue value, ReduceFunction function)
    {
        var sum = value.Values.Sum();
        return SampledValue.Scalar(function == ReduceFunction.Mean ? sum / Math.Max(1, value.Values.Length) : sum);
    }

    private SampledValue Fill(IrFill fill)
    {
        var shape = Resolve(fill.Type.Shape);
        return new SampledValue(shape, fill.Values(shape));
    }

    private SampledValue Stack(IrArray array, IReadOnlyDictionary<string, int> env)
    {
        var elements = array.Elements.Select(e => Evaluate(e, env)).ToList();
        var inner = elements.Count > 0 ? elements[0].Shape : [];
        return new SampledValue([elements.Count, .. inner], [.. elements.SelectMany(e => e.Values)]);
    }

    private static int Position(IReadOnlyDictionary<string, int> env, string plate, IrExpr site) =>
        env.TryGetValue(plate, out var position) ? position : throw new ForwardSamplingException($"plate '{plate}' has no position here", site.Span);

    private int PlateSize(string plate) =>
        data.Sizes.Resolve(ir.Plate(plate).Size) ?? throw new ForwardSamplingException($"the size of plate '{plate}' is not known; give the data that fixes it");

    private int SizeOf(Size size, IrExpr site) =>
        data.Sizes.Resolve(size) ?? throw new ForwardSamplingException($"the size '{size}' is not known; give the data that fixes it", site.Span);

    private int[] Resolve(Shape shape) =>
        data.Sizes.Resolve(shape) ?? throw new ForwardSamplingException($"the shape {shape} is not known; give the data that fixes it");
}
