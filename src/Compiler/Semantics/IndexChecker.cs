using Ppl.Compiler.Ir;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// Types indexing and slicing: a plate index turns an axis into that plate's axis (its size must be
/// the plate's), a constant picks one position, an integer-valued expression (a discrete latent)
/// gathers along the first axis, and <c>lo:hi</c> slices. <c>alpha[r]</c> for a latent drawn in plate
/// r is a reference to the latent in that plate.
/// </summary>
internal sealed class IndexChecker(CheckContext context, ExpressionChecker expressions)
{
    private readonly CheckContext _c = context;

    /// <summary>Types <paramref name="ix"/>.</summary>
    public IrExpr? Check(IndexExpr ix)
    {
        var (current, consumed) = PlatedReference(ix);
        current ??= expressions.Check(ix.Target);
        if (current is null)
        {
            return null;
        }
        var indexed = current;
        var axis = 0;
        for (var i = consumed; i < ix.Indices.Count; i++)
        {
            if (ix.Indices[i] is PointIndex { Index: NameRef applied } && current.Plates.Contains(applied.Name)
                && _c.Bound.Resolve(applied.Span) is { Role: SymbolRole.PlateIndex })
            {
                _c.Error(CompilerDiagnostics.InvalidIndex,
                    $"'{CheckContext.Text(ix.Target)}' already varies over plate '{applied.Name}' here; write '{CheckContext.Text(ix.Target)}' without '[{applied.Name}]'",
                    applied.Span);
                return null;
            }
            if (current.Type.Shape.Rank <= axis)
            {
                var rank = indexed.Type.Shape.Rank;
                var count = ix.Indices.Count - consumed;
                _c.Error(CompilerDiagnostics.InvalidIndex,
                    $"'{CheckContext.Text(ix.Target)}' has {rank} ax{(rank == 1 ? "is" : "es")} here (shape {_c.Shapes.Describe(indexed.Type.Shape)}), but {count} ind{(count == 1 ? "ex is" : "ices are")} given",
                    ix.Indices[i].Span);
                return null;
            }
            var target = current;
            (current, axis) = ix.Indices[i] switch
            {
                PointIndex { Index: NameRef r } when _c.Bound.Resolve(r.Span) is { Role: SymbolRole.PlateIndex } => (ByPlate(ix, target, axis, r), axis),
                PointIndex p => (ByValue(ix, target, axis, p), axis),
                SliceIndex s => ((IrExpr?)Slice(target, axis, s), axis + 1),
                _ => throw new InvalidOperationException("internal error: unknown index"),
            };
            if (current is null)
            {
                return null;
            }
        }
        return current;
    }

    /// <summary><c>alpha[r, ...]</c> inside plate r for a latent drawn as <c>alpha[r] ~ ...</c>: the latent in its own plates.</summary>
    private (IrExpr? Reference, int Consumed) PlatedReference(IndexExpr ix)
    {
        if (ix.Target is not NameRef r || _c.Bound.Resolve(r.Span) is not { Role: SymbolRole.Random } || _c.Node(r.Name) is not { } node)
        {
            return (null, 0);
        }
        var matched = 0;
        while (matched < node.Plates.Length && matched < ix.Indices.Count
            && ix.Indices[matched] is PointIndex { Index: NameRef index }
            && index.Name == node.Plates[matched].Index
            && _c.Bound.Resolve(index.Span) is { Role: SymbolRole.PlateIndex })
        {
            matched++;
        }
        return matched == 0 ? (null, 0) : (expressions.Reference(node, ix.Span, matched), matched);
    }

    private IrExpr? ByPlate(IndexExpr ix, IrExpr target, int axis, NameRef index)
    {
        var plate = _c.EnclosingPlate(index.Name) ?? throw new InvalidOperationException($"internal error: plate '{index.Name}' not enclosing");
        if (target.Plates.Contains(plate.Index))
        {
            _c.Error(CompilerDiagnostics.InvalidIndex,
                $"'{CheckContext.Text(ix.Target)}' already varies over plate '{plate.Index}' here; write '{CheckContext.Text(ix.Target)}' without '[{plate.Index}]'",
                index.Span);
            return null;
        }
        var size = target.Type.Shape.Dims[axis];
        if (!_c.Shapes.Same(size, plate.Size))
        {
            _c.Error(CompilerDiagnostics.ShapeMismatch,
                $"'{CheckContext.Text(ix)}': axis {axis} of '{CheckContext.Text(ix.Target)}' has size {_c.Shapes.Describe(size)}, but plate '{plate.Index}' runs over {_c.Shapes.Describe(plate.Size)}",
                index.Span);
            return null;
        }
        return axis == 0
            ? PlateSelection.Select(target, plate.Index, _c.Union, ix.Span)
            : new IrPlateIndex(target, axis, plate.Index, PlateSelection.DropAxis(target.Type, axis), _c.Union(target.Plates.Append(plate.Index)), ix.Span);
    }

    private IrExpr? ByValue(IndexExpr ix, IrExpr target, int axis, PointIndex p)
    {
        var index = expressions.Check(p.Index);
        if (index is null)
        {
            return null;
        }
        if (index.Type.Shape.Rank != 0 || !index.Type.IsDiscrete)
        {
            _c.Error(CompilerDiagnostics.InvalidIndex,
                $"an index must be one integer, but '{CheckContext.Text(p.Index)}' is {index.Type}", p.Span);
            return null;
        }
        var type = PlateSelection.DropAxis(target.Type, axis);
        if (_c.Kinds.Values(index) is { } values)
        {
            var position = (int)values[0];
            if (position < 0 || (_c.Shapes.Known(target.Type.Shape.Dims[axis]) is int n && position >= n))
            {
                _c.Error(CompilerDiagnostics.InvalidIndex,
                    $"index {position} is out of range for axis {axis} of '{CheckContext.Text(ix.Target)}', of size {target.Type.Shape.Dims[axis]}",
                    p.Span, "indices are 0-based");
                return null;
            }
            return new IrElement(target, axis, position, type, target.Plates, ix.Span);
        }
        if (axis != 0 || target.Plates.Intersect(index.Plates).Any())
        {
            _c.Error(CompilerDiagnostics.InvalidIndex,
                $"'{CheckContext.Text(p.Index)}' is a variable index; it can select only the first axis of a value that does not vary over its plates",
                p.Span);
            return null;
        }
        return new IrGather(target, index, type, _c.Union(target.Plates.Concat(index.Plates)), ix.Span);
    }

    private IrSlice? Slice(IrExpr target, int axis, SliceIndex s)
    {
        var size = target.Type.Shape.Dims[axis];
        var lower = s.Lower is null ? Size.Of(0) : _c.EvaluateSize(s.Lower, minimum: 0);
        var upper = s.Upper is null ? size : _c.EvaluateSize(s.Upper, minimum: 0);
        if (lower is not { } lo || upper is not { } hi)
        {
            return null;
        }
        var (a, b, n) = (_c.Shapes.Known(lo), _c.Shapes.Known(hi), _c.Shapes.Known(size));
        Size width;
        if (a is int x && b is int y)
        {
            if (x >= y || (n is int m && y > m))
            {
                _c.Error(CompilerDiagnostics.InvalidIndex,
                    $"slice {x}:{y} is empty or runs past the end of axis {axis}, of size {size}", s.Span, "a slice lo:hi takes lo..hi-1");
                return null;
            }
            width = x == 0 ? hi : Size.Of(y - x);
        }
        else if (a == 0)
        {
            width = hi;
        }
        else
        {
            _c.Error(CompilerDiagnostics.InvalidSize, "a slice with a data-bound size must start at 0", s.Span);
            return null;
        }
        var shape = new Shape(target.Type.Shape.Dims.SetItem(axis, width));
        var kind = target.Type.Kind == ValueKind.Simplex && axis == target.Type.Shape.Rank - 1 ? ValueKind.Prob : target.Type.Kind;
        return new IrSlice(target, axis, lo, hi, new IrType(kind == ValueKind.Cov ? ValueKind.Real : kind, shape), target.Plates, s.Span);
    }
}
