using System.Runtime.InteropServices;

namespace Ppl.StdLib.Data;

/// <summary>
/// The values of one CSV array as rows are read: row <c>n</c> fills slots
/// <c>n * RowSize .. (n + 1) * RowSize - 1</c>, each column at its row-major offset. Integers and reals
/// together make a Real array; booleans do not mix with numbers.
/// </summary>
internal sealed class CsvArrayValues(CsvArrayLayout layout, string file)
{
    private readonly List<double> _values = [];
    private int _rows;
    private (string Element, string Text) _first;
    private bool _mixReported;

    public DataElementKind Kind { get; private set; } = DataElementKind.Empty;

    public void StartRow()
    {
        _rows++;
        CollectionsMarshal.SetCount(_values, _rows * layout.RowSize);
    }

    public void Set(int offset, string cell, CsvCellPosition position, DataErrorList errors)
    {
        var parsed = CsvCell.Parse(cell);
        if (parsed.Problem is { } problem)
        {
            errors.Add($"{Element(offset)} {problem}", Position(position), parsed.Hint);
            return;
        }

        if (Kind == DataElementKind.Empty)
        {
            Kind = parsed.Kind;
            _first = (Element(offset), cell.Trim());
        }
        else if ((Kind == DataElementKind.Boolean) != (parsed.Kind == DataElementKind.Boolean))
        {
            if (!_mixReported)
            {
                _mixReported = true;
                var (what, other) = parsed.Kind == DataElementKind.Boolean ? ("a boolean", "a number") : ("a number", "a boolean");
                errors.Add(
                    $"{Element(offset)} is {what} ('{cell.Trim()}') but {_first.Element} is {other} ('{_first.Text}')",
                    Position(position),
                    "an array holds either booleans (true/false) or numbers (such as 0/1)");
            }

            return;
        }
        else if (parsed.Kind == DataElementKind.Real)
        {
            Kind = DataElementKind.Real;
        }

        CollectionsMarshal.AsSpan(_values)[((_rows - 1) * layout.RowSize) + offset] = parsed.Value;
    }

    /// <summary>The element's name, e.g. <c>X[3, 1]</c>, for the current row and an offset within it.</summary>
    private string Element(int offset)
    {
        int[] shape = [int.MaxValue, .. layout.RowShape];
        var name = layout.Name.Length == 0 ? "data" : layout.Name;
        return DataArray.FormatElement(name, shape, ((long)(_rows - 1) * layout.RowSize) + offset);
    }

    public DataArray ToArray(DataPosition header, int[]? lineOfRow)
    {
        int[] shape = [_rows, .. layout.RowShape];
        var positions = new CsvPositions(file, header.Line + 1, lineOfRow, layout.ColumnNames);
        var start = header with { ColumnName = layout.ColumnNames[0] };
        return new DataArray(layout.Name, shape, Kind, new DoubleValues([.. _values]), start, positions);
    }

    private DataPosition Position(CsvCellPosition position) =>
        new(file) { Line = position.Line, ColumnName = position.ColumnName };
}
