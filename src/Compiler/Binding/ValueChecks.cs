using System.Globalization;
using Ppl.Compiler.Ir;
using Ppl.Language.Diagnostics;
using Ppl.StdLib.Data;

namespace Ppl.Compiler.Binding;

/// <summary>
/// Checks the values of one data array against its declared element type, reporting the first offending
/// value by name and position (later ones would be the same mistake): integers for <c>int</c>; 0, 1,
/// true or false for <c>bool</c>; numbers, not booleans, for real kinds; &gt; 0 for <c>pos</c>; [0, 1] for
/// <c>prob</c>; non-negative rows summing to one for <c>simplex</c>; symmetric positive definite matrices
/// for <c>cov</c>.
/// </summary>
internal static class ValueChecks
{
    /// <summary>Largest |Σ row − 1| accepted for a simplex row.</summary>
    public const double SimplexTolerance = 1e-6;

    /// <summary>Largest |a_ij − a_ji| / max(1, |a_ij|, |a_ji|) accepted for a covariance matrix.</summary>
    public const double SymmetryTolerance = 1e-8;

    /// <summary>The checked values as a buffer (its shape is set by the caller), or null after reporting an error.</summary>
    public static BoundArray? Check(DataNode node, DataArray array, DiagnosticBag diagnostics)
    {
        var values = array.ToDoubleArray();
        var kind = node.Type.Kind;
        var problem = kind switch
        {
            ValueKind.Int => Integers(node, array, values),
            ValueKind.Bool => Booleans(node, array, values),
            _ => Numbers(node, array) ?? kind switch
            {
                ValueKind.Pos => First(node, array, values, v => v <= 0, DataDiagnosticCodes.OutOfDomain, "values must be > 0"),
                ValueKind.Prob => First(node, array, values, v => v is < 0 or > 1, DataDiagnosticCodes.OutOfDomain, "values must be in [0, 1]"),
                ValueKind.Simplex => Simplex(node, array, values),
                ValueKind.Cov => Covariance(node, array, values),
                _ => null,
            },
        };
        if (problem is not null)
        {
            diagnostics.Add(problem);
            return null;
        }

        return kind is ValueKind.Int or ValueKind.Bool
            ? new BoundArray(node.Name, node.Type, [], null, [.. values.Select(v => (int)v)])
            : new BoundArray(node.Name, node.Type, [], values, null);
    }

    private static Diagnostic? Integers(DataNode node, DataArray array, double[] values)
    {
        if (array.Kind == DataElementKind.Boolean)
        {
            return At(node, array, 0, DataDiagnosticCodes.WrongElementKind, "a boolean", "write the counts as whole numbers");
        }

        if (array.Kind == DataElementKind.Real)
        {
            return Real(node, array, values, "int data must be whole numbers written without a point or an exponent");
        }

        return First(node, array, values, v => v is > int.MaxValue or < int.MinValue, DataDiagnosticCodes.OutOfDomain,
            "values must fit in a 32-bit integer");
    }

    private static Diagnostic? Booleans(DataNode node, DataArray array, double[] values)
    {
        if (array.Kind == DataElementKind.Real)
        {
            return Real(node, array, values, "bool data must be 0, 1, true or false (declare it prob for values in [0, 1])");
        }

        return First(node, array, values, v => v is not (0 or 1), DataDiagnosticCodes.OutOfDomain, "bool data must be 0, 1, true or false");
    }

    /// <summary>Real-kinded values for integer-kinded data: the first non-integral value, or the first value written as a real.</summary>
    private static Diagnostic Real(DataNode node, DataArray array, double[] values, string hint)
    {
        var index = Array.FindIndex(values, v => v != Math.Floor(v));
        return index >= 0
            ? At(node, array, index, DataDiagnosticCodes.WrongElementKind, "a real number", hint)
            : DataDiagnostics.Error(DataDiagnosticCodes.WrongElementKind,
                $"{array.ElementName(0)} is written as a real number ({Number(values[0])}.0 or similar), but {node.Name} is declared {IrPrinter.Type(node.Type)}",
                array.PositionOf(0),
                hint);
    }

    private static Diagnostic? Numbers(DataNode node, DataArray array) =>
        array.Kind == DataElementKind.Boolean
            ? At(node, array, 0, DataDiagnosticCodes.WrongElementKind, "a boolean", $"write numbers, or declare {node.Name} as bool")
            : null;

    /// <summary>Each row along the last axis: no negative entry, sum within <see cref="SimplexTolerance"/> of one.</summary>
    private static Diagnostic? Simplex(DataNode node, DataArray array, double[] values)
    {
        var k = array.Shape.Count == 0 ? 1 : array.Shape[^1];
        if (First(node, array, values, v => v < 0, DataDiagnosticCodes.NotSimplex, "simplex entries must be ≥ 0") is { } negative)
        {
            return negative;
        }

        for (var start = 0; k > 0 && start < values.Length; start += k)
        {
            var sum = 0.0;
            for (var j = 0; j < k; j++)
            {
                sum += values[start + j];
            }

            if (Math.Abs(sum - 1) > SimplexTolerance)
            {
                return DataDiagnostics.Error(DataDiagnosticCodes.NotSimplex,
                    $"{Block(node.Name, array.Shape, start, 1)} sums to {Number(sum)}, but {node.Name} is declared {IrPrinter.Type(node.Type)}: each row must sum to 1",
                    array.PositionOf(start),
                    "rows may differ from 1 by at most 1e-6");
            }
        }

        return null;
    }

    /// <summary>Each trailing D×D matrix: symmetric, and positive definite (its Cholesky factorisation exists).</summary>
    private static Diagnostic? Covariance(DataNode node, DataArray array, double[] values)
    {
        var d = array.Shape.Count < 2 ? 0 : array.Shape[^1];
        if (d == 0)
        {
            return null;
        }

        var type = IrPrinter.Type(node.Type);
        for (var start = 0; start < values.Length; start += d * d)
        {
            for (var i = 0; i < d; i++)
            {
                for (var j = i + 1; j < d; j++)
                {
                    double a = values[start + (i * d) + j], b = values[start + (j * d) + i];
                    if (Math.Abs(a - b) > SymmetryTolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b))))
                    {
                        var ij = start + (i * d) + j;
                        return DataDiagnostics.Error(DataDiagnosticCodes.NotCovariance,
                            $"{Block(node.Name, array.Shape, start, 2)} is not symmetric: {array.ElementName(ij)} = {Number(a)} but {array.ElementName(start + (j * d) + i)} = {Number(b)}; {node.Name} is declared {type}",
                            array.PositionOf(ij));
                    }
                }
            }

            if (!IsPositiveDefinite(values.AsSpan(start, d * d), d))
            {
                return DataDiagnostics.Error(DataDiagnosticCodes.NotCovariance,
                    $"{Block(node.Name, array.Shape, start, 2)} is not positive definite; {node.Name} is declared {type}",
                    array.PositionOf(start),
                    "a covariance matrix needs positive eigenvalues (its Cholesky factorisation must exist)");
            }
        }

        return null;
    }

    /// <summary>Cholesky A = L·Lᵀ (Golub and Van Loan 2013, algorithm 4.2.1): every pivot must be positive.</summary>
    private static bool IsPositiveDefinite(ReadOnlySpan<double> a, int d)
    {
        var l = new double[d * d];
        for (var j = 0; j < d; j++)
        {
            var pivot = a[(j * d) + j];
            for (var k = 0; k < j; k++)
            {
                pivot -= l[(j * d) + k] * l[(j * d) + k];
            }

            if (!(pivot > 0))
            {
                return false;
            }

            l[(j * d) + j] = Math.Sqrt(pivot);
            for (var i = j + 1; i < d; i++)
            {
                var sum = a[(i * d) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * d) + k] * l[(j * d) + k];
                }

                l[(i * d) + j] = sum / l[(j * d) + j];
            }
        }

        return true;
    }

    private static Diagnostic? First(DataNode node, DataArray array, double[] values, Func<double, bool> bad, string code, string rule)
    {
        var index = Array.FindIndex(values, v => bad(v));
        return index < 0
            ? null
            : DataDiagnostics.Error(code,
                $"{array.ElementName(index)} is {Number(values[index])}, but {node.Name} is declared {IrPrinter.Type(node.Type)}: {rule}",
                array.PositionOf(index));
    }

    private static Diagnostic At(DataNode node, DataArray array, int index, string code, string what, string hint) =>
        array.Count == 0
            ? DataDiagnostics.Error(code, $"{node.Name} holds {what}s, but is declared {IrPrinter.Type(node.Type)}", array.Position, hint)
            : DataDiagnostics.Error(code,
                $"{array.ElementName(index)} is {Value(array, index)}, {what}, but {node.Name} is declared {IrPrinter.Type(node.Type)}",
                array.PositionOf(index),
                hint);

    private static string Value(DataArray array, int index) =>
        array.Kind == DataElementKind.Boolean ? (array[index] != 0 ? "true" : "false") : Number(array[index]);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The name of the block of the last <paramref name="eventRank"/> axes holding flat index <paramref name="start"/>: <c>p[2]</c>, or just <c>p</c>.</summary>
    private static string Block(string name, IReadOnlyList<int> shape, int start, int eventRank)
    {
        var outer = shape.Count - eventRank;
        if (outer <= 0)
        {
            return name;
        }

        var blockSize = shape.Skip(outer).Aggregate(1, (p, s) => p * s);
        var block = start / Math.Max(blockSize, 1);
        var index = new int[outer];
        for (var axis = outer - 1; axis >= 0; axis--)
        {
            index[axis] = block % Math.Max(shape[axis], 1);
            block /= Math.Max(shape[axis], 1);
        }

        return name + "[" + string.Join(", ", index) + "]";
    }
}
