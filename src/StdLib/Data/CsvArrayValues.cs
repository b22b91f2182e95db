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
    private string? _firstText;
    private CsvCellPosition _firstPosition;
    private bool _mixReported;

    public DataElementKind Kind { get; private set; } = DataElementKind.Empty;

    public void StartRow()
    {
        _rows++;
        CollectionsMarshal.SetCount(_values, _rows * layout.RowSize);
    }

    public void Set(int offset, string cell, CsvCellPosition position, DataErrorList errors)
    {
        var parsed = CsvCell.Parse(cell, position.ColumnName);
        if (parsed.Error is { } message)
        {
            errors.Add(message, Position(position), parsed.Hint);
            return;
        }

        if (Kind == DataElementKind.Empty)
        {
            Kind = parsed.Kind;
            _firstText = cell.Trim();
            _firstPosition = position;
        }
        else if ((Kind == DataElementKind.Boolean) != (parsed.Kind == DataElementKind.Boolean))
        {
            if (!_mixReported)
            {
                _mixReported = true;
                var (what, other) = parsed.Kind == DataElementKind.Boolean ? ("a boolean", "numbers") : ("a number", "booleans");
                var display = layout.Name.Length == 0 ? "data" : layout.Name;
                errors.Add(
                    $"'{cell.Trim()}' in column '{position.ColumnName}' is {what} but '{display}' holds {other} ('{_firstText}' on line {_firstPosition.Line}, column '{_firstPosition.ColumnName}')",
                    Position(position),
                    "a column holds either booleans (true/false) or numbers (such as 0/1)");
            }

            return;
        }
        else if (parsed.Kind == DataElementKind.Real)
        {
            Kind = DataElementKind.Real;
        }

        CollectionsMarshal.AsSpan(_values)[((_rows - 1) * layout.RowSize) + offset] = parsed.Value;
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
