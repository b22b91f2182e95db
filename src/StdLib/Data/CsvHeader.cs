using System.Globalization;

namespace Ppl.StdLib.Data;

/// <summary>
/// How a CSV header's columns make arrays: a plain column <c>y</c> is a vector <c>y[N]</c>; indexed
/// columns <c>X.0 .. X.{D-1}</c> make a matrix <c>X[N, D]</c> (and <c>A.i.j</c> a rank-3 array
/// <c>A[N, I, J]</c>), in any column order, as long as they cover every index without gaps. Columns
/// named by indices alone (<c>0, 1, 2</c>) make one unnamed array, for <c>--data NAME=FILE</c>.
/// </summary>
internal sealed class CsvHeader
{
    private CsvHeader(CsvArrayLayout[] arrays, int[] arrayOfColumn, int[] offsetOfColumn)
    {
        Arrays = arrays;
        ArrayOfColumn = arrayOfColumn;
        OffsetOfColumn = offsetOfColumn;
    }

    /// <summary>The arrays, in the order their first column appears.</summary>
    public CsvArrayLayout[] Arrays { get; }

    /// <summary>For each file column, the array it belongs to.</summary>
    public int[] ArrayOfColumn { get; }

    /// <summary>For each file column, its offset in the array's row (row-major over the trailing axes).</summary>
    public int[] OffsetOfColumn { get; }

    public int ColumnCount => ArrayOfColumn.Length;

    /// <summary>Groups the header's columns into arrays, or reports why it cannot (null then).</summary>
    public static CsvHeader? Build(IReadOnlyList<string> names, string unnamed, DataPosition header, DataErrorList errors)
    {
        var errorsBefore = errors.Count;
        var groups = new Dictionary<string, List<(int Column, int[] Index)>>(StringComparer.Ordinal);
        var order = new List<string>();
        var firstColumnOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var column = 0; column < names.Count; column++)
        {
            var name = names[column];
            if (name.Length == 0)
            {
                errors.Add($"column {Ordinal(column)} has no name in the header", header);
                continue;
            }

            if (firstColumnOfName.TryGetValue(name, out var first))
            {
                errors.Add($"column '{name}' appears twice in the header (columns {Ordinal(first)} and {Ordinal(column)})", header with { ColumnName = name });
                continue;
            }

            firstColumnOfName.Add(name, column);
            var (baseName, index) = Split(name);
            baseName = baseName.Length == 0 ? unnamed : baseName;
            if (!groups.TryGetValue(baseName, out var group))
            {
                groups.Add(baseName, group = []);
                order.Add(baseName);
            }

            group.Add((column, index));
        }

        var arrayOfColumn = new int[names.Count];
        var offsetOfColumn = new int[names.Count];
        var arrays = new List<CsvArrayLayout>();
        foreach (var baseName in order)
        {
            var layout = Layout(baseName, groups[baseName], names, header, errors, offsetOfColumn);
            if (layout is null)
            {
                continue;
            }

            foreach (var (column, _) in groups[baseName])
            {
                arrayOfColumn[column] = arrays.Count;
            }

            arrays.Add(layout);
        }

        return errors.Count > errorsBefore ? null : new CsvHeader([.. arrays], arrayOfColumn, offsetOfColumn);
    }

    /// <summary><c>X.0.1</c> is (<c>X</c>, [0, 1]); <c>y</c> and <c>a.b</c> are plain names; <c>0</c> is ("", [0]).</summary>
    private static (string BaseName, int[] Index) Split(string name)
    {
        var parts = name.Split('.');
        var firstIndexPart = parts.Length;
        while (firstIndexPart > 0 && IsIndex(parts[firstIndexPart - 1]))
        {
            firstIndexPart--;
        }

        if (firstIndexPart == parts.Length)
        {
            return (name, []);
        }

        var index = parts[firstIndexPart..].Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        return (string.Join('.', parts[..firstIndexPart]), index);
    }

    private static bool IsIndex(string part) =>
        part.Length is > 0 and <= 7 && part.All(char.IsAsciiDigit);

    private static CsvArrayLayout? Layout(
        string name,
        List<(int Column, int[] Index)> group,
        IReadOnlyList<string> names,
        DataPosition header,
        DataErrorList errors,
        int[] offsetOfColumn)
    {
        var display = name.Length == 0 ? "data" : name;
        var plain = group.FindIndex(c => c.Index.Length == 0);
        if (plain >= 0 && group.Count > 1)
        {
            var other = names[group[plain == 0 ? 1 : 0].Column];
            errors.Add(
                $"columns '{names[group[plain].Column]}' and '{other}' both give data '{display}'",
                header with { ColumnName = other },
                $"a data name is either one column, or indexed columns {display}.0, {display}.1, ...");
            return null;
        }

        var rank = group[0].Index.Length;
        var mismatch = group.Find(c => c.Index.Length != rank);
        if (mismatch.Index is not null)
        {
            errors.Add(
                $"column '{names[mismatch.Column]}' has {Indices(mismatch.Index.Length)} but column '{names[group[0].Column]}' has {Indices(rank)}",
                header with { ColumnName = names[mismatch.Column] });
            return null;
        }

        var rowShape = new int[rank];
        foreach (var (_, index) in group)
        {
            for (var axis = 0; axis < rank; axis++)
            {
                rowShape[axis] = Math.Max(rowShape[axis], index[axis] + 1);
            }
        }

        var rowSizeEstimate = rowShape.Aggregate(1.0, (product, size) => product * size);
        if (rowSizeEstimate > int.MaxValue)
        {
            errors.Add($"the indexed columns of '{display}' describe more than 2^31 elements per row", header);
            return null;
        }

        var rowSize = (long)rowSizeEstimate;

        var columnNames = new string?[Math.Min(rowSize, group.Count + 1)];
        foreach (var (column, index) in group)
        {
            var offset = RowMajor(index, rowShape);
            if (offset < columnNames.Length && columnNames[offset] is { } same)
            {
                errors.Add($"columns '{same}' and '{names[column]}' both give {ElementText(display, index)}", header with { ColumnName = names[column] });
                return null;
            }

            if (offset < columnNames.Length)
            {
                columnNames[offset] = names[column];
            }

            offsetOfColumn[column] = (int)offset;
        }

        if (rowSize != group.Count)
        {
            var missing = Array.IndexOf(columnNames, null);
            var last = rowShape.Select(s => s - 1).ToArray();
            errors.Add(
                $"there is no column '{ColumnText(display, Unflatten(missing, rowShape))}': the columns of '{display}' must cover every index from {ColumnText(display, new int[rank])} to {ColumnText(display, last)}",
                header);
            return null;
        }

        return new CsvArrayLayout(name, rowShape, columnNames!, group[0].Column);
    }

    private static long RowMajor(int[] index, int[] shape)
    {
        long offset = 0;
        for (var axis = 0; axis < shape.Length; axis++)
        {
            offset = (offset * shape[axis]) + index[axis];
        }

        return offset;
    }

    private static int[] Unflatten(long offset, int[] shape)
    {
        var index = new int[shape.Length];
        for (var axis = shape.Length - 1; axis >= 0; axis--)
        {
            index[axis] = (int)(offset % shape[axis]);
            offset /= shape[axis];
        }

        return index;
    }

    private static string ColumnText(string name, int[] index) =>
        string.Join('.', index.Select(i => i.ToString(CultureInfo.InvariantCulture)).Prepend(name));

    private static string ElementText(string name, int[] index) =>
        $"{name}[n, {string.Join(", ", index.Select(i => i.ToString(CultureInfo.InvariantCulture)))}]";

    private static string Indices(int count) => count == 1 ? "1 index" : $"{count} indices";

    private static string Ordinal(int column) => (column + 1).ToString(CultureInfo.InvariantCulture);
}

/// <summary>One array assembled from CSV columns.</summary>
/// <param name="Name">The data name ("" for columns named by indices alone).</param>
/// <param name="RowShape">The shape of one row: [] for a plain column, [D] for X.0 .. X.{D-1}.</param>
/// <param name="ColumnNames">The column of each element of a row, row-major.</param>
/// <param name="FirstColumn">The 0-based file column where the array first appears.</param>
internal sealed record CsvArrayLayout(string Name, int[] RowShape, string[] ColumnNames, int FirstColumn)
{
    public int RowSize => ColumnNames.Length;
}
