using System.Collections.Immutable;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;

namespace Ppl.Inference.Vmp.Building;

/// <summary>
/// Evaluates the parts of a model that are known before inference — data, constants, sizes, literals
/// and arithmetic on them — as <see cref="KnownValue"/>s, vectorised over plates. An expression that
/// involves a random variable or a <c>param</c> is not known (null).
/// </summary>
internal sealed class KnownEvaluator
{
    private readonly ModelIr _model;
    private readonly BoundData _data;
    private readonly Dictionary<string, KnownValue?> _named = [];

    /// <summary>An evaluator over a model and its bound data.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">Its data.</param>
    public KnownEvaluator(ModelIr model, BoundData data)
    {
        _model = model;
        _data = data;
    }

    /// <summary>The value of a size.</summary>
    /// <param name="size">A size.</param>
    /// <returns>Its bound value.</returns>
    /// <exception cref="VmpModelException">The size is unbound.</exception>
    public int Size(Size size) =>
        _data.Sizes.Resolve(size) ?? throw new VmpModelException($"the size '{size}' has no value");

    /// <summary>The grid of the named plates.</summary>
    /// <param name="plates">Plate index names.</param>
    /// <returns>Their grid.</returns>
    public PlateGrid Grid(ImmutableArray<string> plates) =>
        new(plates, [.. plates.Select(p => Size(_model.Plate(p).Size))]);

    /// <summary>The concrete shape.</summary>
    /// <param name="shape">A shape.</param>
    /// <returns>Its sizes.</returns>
    public int[] Shape(Shape shape) => [.. shape.Dims.Select(Size)];

    /// <summary>The value of an observed node: the data laid out on the node's plates then its element.</summary>
    /// <param name="node">An observed random node.</param>
    /// <returns>Its values.</returns>
    public KnownValue Observed(RandomNode node)
    {
        var array = _data[node.Name];
        var grid = Grid(node.Plates);
        var inner = Shape(node.Type.Shape);
        var values = array.Reals ?? [.. array.Integers!.Select(i => (double)i)];
        if (values.Length != grid.Count * inner.Aggregate(1, (a, b) => a * b))
        {
            throw new VmpModelException($"the data '{node.Name}' has {values.Length} values, but its plates and type need {grid.Count * inner.Aggregate(1, (a, b) => a * b)}");
        }

        return new KnownValue(grid, inner, values);
    }

    /// <summary>Evaluates <paramref name="expr"/> if it is known.</summary>
    /// <param name="expr">An expression.</param>
    /// <returns>Its value, or null when it depends on a random variable or a param.</returns>
    public KnownValue? Evaluate(IrExpr expr) => expr switch
    {
        IrConstant c => new KnownValue(PlateGrid.Scalar, Shape(c.Type.Shape), [.. c.Values]),
        IrSize s => KnownValue.Scalar(Size(s.Size)),
        IrRef r => Named(r),
        IrFill f => Fill(f),
        IrPlateIndex p => Evaluate(p.Target) is { } t ? PlateIndex(t, p.Axis, p.Plate) : null,
        IrUnary u => Evaluate(u.Operand)?.Map(IrFunctions.Unary(u.Function)),
        IrBinary b => Evaluate(b.Left) is { } l && Evaluate(b.Right) is { } r ? KnownValue.Combine(l, r, IrFunctions.Binary(b.Function)) : null,
        IrReduce r => Evaluate(r.Operand) is { } v ? Reduce(v, r.Function) : null,
        IrArray a => Stack(a),
        _ => null,
    };

    private KnownValue? Named(IrRef r)
    {
        if (_named.TryGetValue(r.Name, out var cached))
        {
            return cached;
        }

        KnownValue? value = r.Kind switch
        {
            SymbolKind.Data => DataValue(r.Name),
            SymbolKind.Const => _model.Find(r.Name) is ConstNode c ? Evaluate(c.Value) : null,
            SymbolKind.Let => _model.Find(r.Name) is LetNode l ? Evaluate(l.Value) : null,
            _ => null,
        };
        _named[r.Name] = value;
        return value;
    }

    private KnownValue DataValue(string name)
    {
        var array = _data[name];
        var values = array.Reals ?? [.. array.Integers!.Select(i => (double)i)];
        return new KnownValue(PlateGrid.Scalar, [.. array.Shape], values);
    }

    private KnownValue Fill(IrFill fill)
    {
        var shape = Shape(fill.Type.Shape);
        return new KnownValue(PlateGrid.Scalar, shape, fill.Values(shape));
    }

    /// <summary><c>x[n]</c>: axis <paramref name="axis"/> of the element becomes the plate's axis (a transpose).</summary>
    private static KnownValue PlateIndex(KnownValue target, int axis, string plate)
    {
        var size = target.Inner[axis];
        if (axis == 0 && target.Grid.Names.Length == 0)
        {
            // The leading axis becomes the only plate: row-major order is unchanged, so no copy.
            return new KnownValue(new PlateGrid([plate], [size]), target.Inner[1..], target.Values);
        }

        var before = target.Inner[..axis].Aggregate(1, (a, b) => a * b);
        var after = target.Inner[(axis + 1)..].Aggregate(1, (a, b) => a * b);
        var cells = target.Grid.Count;
        var values = new double[target.Values.Length];
        var element = target.ElementSize;
        var newElement = before * after;
        for (var c = 0; c < cells; c++)
        {
            for (var p = 0; p < size; p++)
            {
                for (var i = 0; i < before; i++)
                {
                    for (var j = 0; j < after; j++)
                    {
                        values[(c * size + p) * newElement + i * after + j] =
                            target.Values[c * element + (i * size + p) * after + j];
                    }
                }
            }
        }

        var grid = new PlateGrid(target.Grid.Names.Add(plate), target.Grid.Sizes.Add(size));
        int[] inner = [.. target.Inner[..axis], .. target.Inner[(axis + 1)..]];
        return new KnownValue(grid, inner, values);
    }

    private static KnownValue Reduce(KnownValue value, ReduceFunction function)
    {
        var element = value.ElementSize;
        var cells = value.Grid.Count;
        var values = new double[cells];
        for (var c = 0; c < cells; c++)
        {
            var sum = 0.0;
            for (var e = 0; e < element; e++)
            {
                sum += value.Values[c * element + e];
            }

            values[c] = function == ReduceFunction.Mean ? sum / element : sum;
        }

        return new KnownValue(value.Grid, [], values);
    }

    private KnownValue? Stack(IrArray array)
    {
        var parts = new List<KnownValue>();
        foreach (var e in array.Elements)
        {
            if (Evaluate(e) is not { Grid.Names.Length: 0 } v)
            {
                return null;
            }

            parts.Add(v);
        }

        return new KnownValue(PlateGrid.Scalar, [parts.Count, .. parts[0].Inner], [.. parts.SelectMany(p => p.Values)]);
    }
}
