namespace Ppl.StdLib.Data;

/// <summary>
/// Finds the position of a value from its flat (row-major) index. Each format stores what it needs
/// compactly: JSON one int offset per value, CSV nothing per value (at most one int per row when the
/// rows are not on consecutive lines), IDX nothing at all.
/// </summary>
internal abstract class DataPositions
{
    public abstract DataPosition Of(int flatIndex);
}

/// <summary>Values that did not come from a file (built in code).</summary>
internal sealed class NoPositions(string label) : DataPositions
{
    public override DataPosition Of(int flatIndex) => new(label);
}

/// <summary>JSON: the byte offset of each value, resolved to line:column on demand.</summary>
internal sealed class JsonPositions(string file, LineMap lines, int[] offsets) : DataPositions
{
    public override DataPosition Of(int flatIndex) => lines.Position(file, offsets[flatIndex]);
}

/// <summary>
/// CSV: row <c>r</c> of the data is on line <c>firstLine + r</c> unless blank lines or quoted line
/// breaks intervene, in which case <paramref name="rowLines"/> lists each row's line. The value at
/// flat index <c>i</c> is in row <c>i / rowSize</c> and column <c>columnNames[i % rowSize]</c>.
/// </summary>
internal sealed class CsvPositions(string file, int firstLine, int[]? rowLines, string[] columnNames)
    : DataPositions
{
    public override DataPosition Of(int flatIndex)
    {
        var row = flatIndex / columnNames.Length;
        var line = rowLines is null ? firstLine + row : rowLines[row];
        return new DataPosition(file) { Line = line, ColumnName = columnNames[flatIndex % columnNames.Length] };
    }
}

/// <summary>IDX: the item is the index along the first axis, <c>i / itemSize</c>.</summary>
internal sealed class IdxPositions(string file, long itemSize) : DataPositions
{
    public override DataPosition Of(int flatIndex) =>
        new(file) { Item = itemSize == 0 ? 0 : flatIndex / itemSize };
}
