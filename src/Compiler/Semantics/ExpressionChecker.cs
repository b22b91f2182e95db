using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// Types an expression: every result is an <see cref="IrExpr"/> carrying its kind, shape and plates,
/// or null after a diagnostic (callers then stay quiet to avoid cascades). Constant arithmetic is folded.
/// </summary>
internal sealed class ExpressionChecker(CheckContext context)
{
    private readonly CheckContext _c = context;

    /// <summary>Types <paramref name="e"/>.</summary>
    public IrExpr? Check(Expr e) => e switch
    {
        NumberLit n => new IrConstant([n.Value], new IrType(n.IsInteger ? ValueKind.Int : ValueKind.Real, Shape.Scalar), n.Span),
        NameRef r => CheckName(r),
        ArrayLit a => CheckArray(a),
        UnaryExpr u => CheckNegate(u),
        BinaryExpr b => CheckBinary(b),
        IndexExpr i => new IndexChecker(_c, this).Check(i),
        CallExpr call => new CallChecker(_c, this).Check(call),
        _ => throw new InvalidOperationException($"internal error: unknown expression {e.GetType().Name}"),
    };

    /// <summary>A reference to a node: plates of the node that enclose the use site stay plates (lets
    /// only); the others become leading axes.</summary>
    public IrExpr? Reference(NodeInfo node, Language.SourceSpan span, int keptPlates = -1)
    {
        var kept = keptPlates >= 0
            ? node.Plates.Take(keptPlates).ToList()
            : node.Kind is SymbolKind.Let or SymbolKind.Param ? node.Plates.Where(p => _c.EnclosingPlate(p.Index) is not null).ToList() : [];
        var outer = node.Plates.Where(p => !kept.Contains(p)).Select(p => p.Size);
        var type = new IrType(node.Type.Kind, node.Type.Shape.Prepend(outer));
        return new IrRef(node.Name, node.Kind, type, _c.Union(kept.Select(p => p.Index)), span);
    }

    private IrExpr? CheckName(NameRef r)
    {
        switch (_c.Bound.Resolve(r.Span))
        {
            case null:
                return null;
            case { Role: SymbolRole.Size }:
                return new IrSize(Size.Named(r.Name), r.Span);
            case { Role: SymbolRole.PlateIndex }:
                _c.Error(CompilerDiagnostics.MisusedName, $"plate index '{r.Name}' can only index an array, as in x[{r.Name}]", r.Span);
                return null;
            case { Role: SymbolRole.Net }:
                _c.Error(CompilerDiagnostics.MisusedName, $"net '{r.Name}' must be called with an input, as in {r.Name}(x)", r.Span);
                return null;
            default:
                return _c.Node(r.Name) is { } node ? Reference(node, r.Span) : null;
        }
    }

    private IrExpr? CheckArray(ArrayLit a)
    {
        var elements = a.Elements.Select(Check).ToList();
        if (elements.Count == 0 || elements.Any(e => e is null))
        {
            if (elements.Count == 0)
            {
                _c.Error(CompilerDiagnostics.TypeMismatch, "an array literal needs at least one element", a.Span);
            }
            return null;
        }
        var first = elements[0]!;
        if (elements.All(e => e is IrConstant { Type.Shape.Rank: 0 }))
        {
            var values = elements.Select(e => ((IrConstant)e!).Values[0]).ToImmutableArray();
            var kind = values.All(v => v == Math.Floor(v)) ? ValueKind.Int : ValueKind.Real;
            return new IrConstant(values, new IrType(kind, Shape.Of(values.Length)), a.Span);
        }
        foreach (var (element, syntax) in elements.Zip(a.Elements).Skip(1))
        {
            if (!_c.Shapes.Same(element!.Type.Shape, first.Type.Shape))
            {
                _c.Error(CompilerDiagnostics.ShapeMismatch,
                    $"the elements of an array literal must have one shape, but '{CheckContext.Text(a.Elements[0])}' has shape {_c.Shapes.Describe(first.Type.Shape)} and '{CheckContext.Text(syntax)}' has shape {_c.Shapes.Describe(element.Type.Shape)}",
                    syntax.Span);
                return null;
            }
        }
        var shape = first.Type.Shape.Prepend([Size.Of(elements.Count)]);
        var arrayKind = elements.All(e => _c.Kinds.IsPositive(e!)) ? ValueKind.Pos : ValueKind.Real;
        return new IrArray([.. elements!], new IrType(arrayKind, shape), _c.Union(elements.SelectMany(e => e!.Plates)), a.Span);
    }

    private IrExpr? CheckNegate(UnaryExpr u)
    {
        var operand = Check(u.Operand);
        return operand switch
        {
            null => null,
            IrConstant c => new IrConstant([.. c.Values.Select(v => -v)], c.Type with { Kind = c.Type.Kind == ValueKind.Int ? ValueKind.Int : ValueKind.Real }, u.Span),
            _ => new IrUnary(UnaryFunction.Negate, operand, operand.Type with { Kind = operand.Type.Kind == ValueKind.Int ? ValueKind.Int : ValueKind.Real }, operand.Plates, u.Span),
        };
    }

    private IrExpr? CheckBinary(BinaryExpr b)
    {
        var left = Check(b.Left);
        var right = Check(b.Right);
        if (left is null || right is null)
        {
            return null;
        }
        var plates = _c.Union(left.Plates.Concat(right.Plates));
        if (b.Op == BinaryOp.MatMul)
        {
            if (_c.Shapes.MatMul(left.Type.Shape, right.Type.Shape) is not { } product)
            {
                var reason = left.Type.Shape.Rank is 1 or 2 && right.Type.Shape.Rank is 1 or 2
                    ? "the inner sizes differ"
                    : "'@' multiplies vectors and matrices only";
                _c.Error(CompilerDiagnostics.MatMulShape,
                    $"cannot multiply '{CheckContext.Text(b.Left)}' of shape {_c.Shapes.Describe(left.Type.Shape)} by '{CheckContext.Text(b.Right)}' of shape {_c.Shapes.Describe(right.Type.Shape)}: {reason}",
                    b.Span);
                return null;
            }
            return new IrMatMul(left, right, new IrType(ValueKind.Real, product), plates, b.Span);
        }
        var op = b.Op switch
        {
            BinaryOp.Add => BinaryFunction.Add,
            BinaryOp.Subtract => BinaryFunction.Subtract,
            BinaryOp.Multiply => BinaryFunction.Multiply,
            BinaryOp.Divide => BinaryFunction.Divide,
            _ => BinaryFunction.Power,
        };
        if (_c.Shapes.Broadcast(left.Type.Shape, right.Type.Shape) is not { } shape)
        {
            _c.Error(CompilerDiagnostics.ShapeMismatch,
                $"cannot combine '{CheckContext.Text(b.Left)}' of shape {_c.Shapes.Describe(left.Type.Shape)} with '{CheckContext.Text(b.Right)}' of shape {_c.Shapes.Describe(right.Type.Shape)}",
                b.Span, "elementwise operations need equal shapes, or one of them a scalar");
            return null;
        }
        if (left is IrConstant { Type.Shape.Rank: 0 } l && right is IrConstant { Type.Shape.Rank: 0 } r)
        {
            var value = Fold(op, l.Values[0], r.Values[0]);
            var intResult = l.Type.Kind == ValueKind.Int && r.Type.Kind == ValueKind.Int && value == Math.Floor(value);
            return new IrConstant([value], new IrType(intResult ? ValueKind.Int : ValueKind.Real, Shape.Scalar), b.Span);
        }
        var result = new IrBinary(op, left, right, new IrType(ValueKind.Real, shape), plates, b.Span);
        return result with { Type = result.Type with { Kind = _c.Kinds.Arithmetic(result, left.Type.Kind, right.Type.Kind, op) } };
    }

    private static double Fold(BinaryFunction op, double a, double b) => op switch
    {
        BinaryFunction.Add => a + b,
        BinaryFunction.Subtract => a - b,
        BinaryFunction.Multiply => a * b,
        BinaryFunction.Divide => a / b,
        _ => Math.Pow(a, b),
    };
}
