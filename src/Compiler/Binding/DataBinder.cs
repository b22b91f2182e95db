using System.Collections.Immutable;
using System.Globalization;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Semantics;
using Ppl.Language.Diagnostics;
using Ppl.StdLib.Data;

namespace Ppl.Compiler.Binding;

/// <summary>
/// Binds a <see cref="DataSet"/> to a model's <c>data</c> declarations: every declared name present and
/// every given name declared; ranks and sizes agree with the declared shapes, named sizes consistently
/// across arrays ("N is 100 from x but 99 from y"); the values fit the declared element type
/// (<see cref="ValueChecks"/>). Nothing is dropped or coerced: each mismatch is a diagnostic naming the
/// field and its position in the data file. IDX unsigned bytes bind to <c>real</c>/<c>prob</c> data as
/// x / 255 (to <c>int</c> data as they are), their trailing axes flattened to the declared rank when the
/// element counts agree (DESIGN.md, data files).
/// </summary>
public static class DataBinder
{
    /// <summary>Binds <paramref name="data"/> to <paramref name="model"/>.</summary>
    /// <param name="model">The model IR.</param>
    /// <param name="data">The arrays read from data files (or made in code).</param>
    /// <returns>The bound data, or diagnostics.</returns>
    public static BindingResult Bind(ModelIr model, DataSet data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var diagnostics = new DiagnosticBag();
        var declared = model.Nodes.OfType<DataNode>().ToList();
        var names = declared.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var array in data.Arrays.Where(a => !names.Contains(a.Name)))
        {
            var suggestion = Suggestions.Closest(array.Name, names);
            diagnostics.Add(DataDiagnostics.Error(DataDiagnosticCodes.UnknownData,
                $"unknown data '{array.Name}'; the model has no data named '{array.Name}'",
                array.Position,
                suggestion is null ? $"the model's data are: {Listing(names)}" : $"did you mean '{suggestion}'?"));
        }

        var sizes = new Dictionary<string, (int Value, string Origin)>(StringComparer.Ordinal);
        foreach (var symbol in model.Sizes.Where(s => s.Value is not null))
        {
            sizes[symbol.Name] = (symbol.Value!.Value, $"const {symbol.Name}");
        }

        var shaped = new List<(DataNode Node, DataArray Array, int[] Shape)>();
        foreach (var node in declared)
        {
            if (data.Find(node.Name) is not { } array)
            {
                diagnostics.Error(DataDiagnosticCodes.MissingData,
                    $"missing data '{node.Name}': the model declares `data {node.Name}: {IrPrinter.Type(node.Type)}` but no data file gives it",
                    node.Span,
                    $"add \"{node.Name}\" to the data file, or bind a file to it with --data {node.Name}=FILE");
                continue;
            }

            array = Prepare(node, array);
            if (Shape(node, array, sizes, diagnostics) is { } shape)
            {
                shaped.Add((node, array, shape));
            }
        }

        var bound = ImmutableDictionary.CreateBuilder<string, BoundArray>(StringComparer.Ordinal);
        foreach (var (node, array, shape) in shaped)
        {
            if (ValueChecks.Check(node, array, diagnostics) is { } values)
            {
                bound[node.Name] = values with { Shape = [.. shape] };
            }
        }

        var result = diagnostics.Sorted().ToImmutableArray();
        var bindings = new SizeBindings(sizes.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.Ordinal));
        return new BindingResult(result.Any(d => d.IsError) ? null : new BoundData(bindings, bound.ToImmutable()), result);
    }

    /// <summary>IDX unsigned bytes scaled for real-valued data, and trailing axes flattened to the declared rank.</summary>
    private static DataArray Prepare(DataNode node, DataArray array)
    {
        if (array.IdxElementType == IdxElementType.UnsignedByte && !array.IsScaledToUnitInterval
            && node.Type.Kind is ValueKind.Real or ValueKind.Prob)
        {
            array = array.ScaledToUnitInterval();
        }

        var rank = node.Type.Shape.Rank;
        if (array.IdxElementType is not null && rank >= 1 && array.Rank > rank)
        {
            var flat = array.Shape.Take(rank - 1).Append(array.Shape.Skip(rank - 1).Aggregate(1, (p, d) => p * d)).ToArray();
            array = array.WithShape(flat);
        }

        return array;
    }

    /// <summary>Checks the rank and every axis against the declared shape, binding named sizes on first sight.</summary>
    private static int[]? Shape(DataNode node, DataArray array, Dictionary<string, (int Value, string Origin)> sizes, DiagnosticBag diagnostics)
    {
        var declared = node.Type.Shape.Dims;
        var type = IrPrinter.Type(node.Type);
        if (array.Rank != declared.Length)
        {
            diagnostics.Add(DataDiagnostics.Error(DataDiagnosticCodes.RankMismatch,
                $"data '{node.Name}' has {Axes(array.Rank)} ({Dims(array.Shape)}) but is declared {type} ({Axes(declared.Length)})",
                array.Position,
                declared.Length > array.Rank ? "nest the values as the declared shape, one array level per axis" : null));
            return null;
        }

        var ok = true;
        for (var axis = 0; axis < declared.Length; axis++)
        {
            var size = declared[axis];
            var actual = array.Shape[axis];
            var origin = $"{node.Name} (axis {axis.ToString(CultureInfo.InvariantCulture)})";
            if (size.IsKnown)
            {
                if (size.Value != actual)
                {
                    diagnostics.Add(DataDiagnostics.Error(DataDiagnosticCodes.SizeMismatch,
                        $"data '{node.Name}' has {Dims(array.Shape)} but is declared {type}: axis {axis} must have {size.Value} elements, not {actual}",
                        array.Position));
                    ok = false;
                }
            }
            else if (sizes.TryGetValue(size.Name!, out var bound))
            {
                if (bound.Value != actual)
                {
                    diagnostics.Add(DataDiagnostics.Error(DataDiagnosticCodes.SizeMismatch,
                        $"{size.Name} is {bound.Value} from {bound.Origin} but {actual} from {origin}",
                        array.Position,
                        $"every array with an axis of size {size.Name} must have the same length on it"));
                    ok = false;
                }
            }
            else
            {
                sizes[size.Name!] = (actual, origin);
            }
        }

        return ok ? [.. array.Shape] : null;
    }

    private static string Axes(int rank) => rank switch
    {
        0 => "no axes (a scalar)",
        1 => "1 axis",
        _ => $"{rank} axes",
    };

    private static string Dims(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";

    private static string Listing(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
