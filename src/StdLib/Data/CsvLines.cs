using CsvHelper;

namespace Ppl.StdLib.Data;

/// <summary>A cell's line and column name, for messages.</summary>
internal readonly record struct CsvCellPosition(int Line, string ColumnName);

/// <summary>
/// The first line of each record. <see cref="CsvParser.Row"/> counts records and skipped blank lines;
/// <see cref="CsvParser.RawRow"/> counts physical lines up to the end of the record (more than one when
/// a quoted field holds a line break). A record starts on the line after the previous record, plus
/// the blank lines skipped in between.
/// </summary>
internal sealed class CsvLineCounter
{
    private int _previousRow;
    private int _previousRawRow;

    public int StartOfRecord(CsvParser parser)
    {
        var start = _previousRawRow + 1 + (parser.Row - _previousRow - 1);
        _previousRow = parser.Row;
        _previousRawRow = parser.RawRow;
        return start;
    }
}

/// <summary>
/// The line of each data row, stored only when some row is not on the line after the previous one
/// (blank lines, quoted line breaks): a million-row file normally costs nothing here.
/// </summary>
internal sealed class CsvRowLines(int firstLine)
{
    private int _count;
    private List<int>? _lines;

    public int FirstLine => firstLine;

    public int[]? Irregular => _lines?.ToArray();

    public void Add(int line)
    {
        if (_lines is null && line != firstLine + _count)
        {
            _lines = new List<int>(Enumerable.Range(firstLine, _count));
        }

        _lines?.Add(line);
        _count++;
    }
}
