using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Language;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// Selects the first axis of a value along a plate (<c>e[n]</c>), in the IR's canonical form: the
/// selection is pushed through elementwise operations, matrix products and nets down to the leaves,
/// so that <c>(X @ w)[n]</c>, the implicit plate of <c>y ~ Normal(X @ w, sd)</c> and the explicit
/// <c>X[n] @ w</c> all become <c>IrMatMul(IrPlateIndex(X, 0, n), w)</c>. Operands that do not
/// carry the axis (broadcast from a lower rank) are left alone.
/// </summary>
internal static class PlateSelection
{
    /// <summary>Selects axis 0 of <paramref name="e"/> along plate <paramref name="plate"/>.</summary>
    /// <param name="e">A value of rank ≥ 1.</param>
    /// <param name="plate">The plate's index name.</param>
    /// <param name="union">Orders a plate set in nesting order.</param>
    /// <param name="span">The source of the selection.</param>
    /// <returns>The selected value: its type loses axis 0, its plates gain <paramref name="plate"/>.</returns>
    public static IrExpr Select(IrExpr e, string plate, Func<IEnumerable<string>, ImmutableArray<string>> union, SourceSpan span)
    {
        var type = DropAxis(e.Type, 0);
        switch (e)
        {
            case IrUnary u:
                var operand = Select(u.Operand, plate, union, span);
                return u with { Operand = operand, Type = type, Plates = operand.Plates };
            case IrBinary b when Carries(b.Left, e) || Carries(b.Right, e):
                var left = Carries(b.Left, e) ? Select(b.Left, plate, union, span) : b.Left;
                var right = Carries(b.Right, e) ? Select(b.Right, plate, union, span) : b.Right;
                return b with { Left = left, Right = right, Type = type, Plates = union(left.Plates.Concat(right.Plates)) };
            case IrMatMul { Left.Type.Shape.Rank: 2 } m:
                var rows = Select(m.Left, plate, union, span);
                return m with { Left = rows, Type = type, Plates = union(rows.Plates.Concat(m.Right.Plates)) };
            case IrNetCall { Input.Type.Shape.Rank: >= 2 } n:
                var input = Select(n.Input, plate, union, span);
                return n with { Input = input, Type = type, Plates = input.Plates };
            default:
                return new IrPlateIndex(e, 0, plate, type, union(e.Plates.Append(plate)), span);
        }
    }

    /// <summary>A type without one axis; a simplex or cov indexed into its event becomes prob or real.</summary>
    public static IrType DropAxis(IrType type, int axis)
    {
        var shape = new Shape(type.Shape.Dims.RemoveAt(axis));
        var kind = shape.Rank >= type.EventRank ? type.Kind : type.Kind == ValueKind.Simplex ? ValueKind.Prob : ValueKind.Real;
        return new IrType(kind, shape);
    }

    /// <summary>True when an operand has the result's full rank and a first axis that is not a broadcast 1.</summary>
    private static bool Carries(IrExpr operand, IrExpr result) =>
        operand.Type.Shape.Rank == result.Type.Shape.Rank && operand.Type.Shape.Dims[0] is not { IsKnown: true, Value: 1 };
}
