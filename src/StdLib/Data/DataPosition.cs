using System.Globalization;

namespace Ppl.StdLib.Data;

/// <summary>
/// Where a value, a row or a field sits in a data file: the file, and for JSON the line and column,
/// for CSV the line of the row and the column's name, for IDX the item (the index along the first axis).
/// </summary>
/// <param name="File">The file as the user named it (or a label such as <c>&lt;memory&gt;</c>).</param>
public sealed record DataPosition(string File)
{
    /// <summary>1-based line in the file; 0 when not known (IDX, or an error about the whole file).</summary>
    public int Line { get; init; }

    /// <summary>1-based column, counted in characters (JSON); 0 when not known.</summary>
    public int Column { get; init; }

    /// <summary>The CSV column's name as written in the header, or null.</summary>
    public string? ColumnName { get; init; }

    /// <summary>The 0-based item of an IDX file (index along its first axis), or null.</summary>
    public long? Item { get; init; }

    /// <summary>
    /// Renders the position the way compilers do: <c>data.json:3:7</c>, <c>data.csv:5, column 'X.2'</c>,
    /// <c>images.idx, item 17</c>, or just the file.
    /// </summary>
    public override string ToString()
    {
        var text = File;
        if (Line > 0)
        {
            text += ":" + Line.ToString(CultureInfo.InvariantCulture);
            if (Column > 0)
            {
                text += ":" + Column.ToString(CultureInfo.InvariantCulture);
            }
        }

        if (ColumnName is not null)
        {
            text += ", column '" + ColumnName + "'";
        }

        if (Item is { } item)
        {
            text += ", item " + item.ToString(CultureInfo.InvariantCulture);
        }

        return text;
    }
}
