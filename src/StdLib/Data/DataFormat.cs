namespace Ppl.StdLib.Data;

/// <summary>The formats of data files, chosen from the file's name (see <see cref="DataSource.FormatOf"/>).</summary>
public enum DataFormat
{
    /// <summary>A JSON object keyed by data name (<c>.json</c>).</summary>
    Json,

    /// <summary>Comma-separated values with a header row (<c>.csv</c>).</summary>
    Csv,

    /// <summary>IDX binary arrays (<c>.idx</c>, <c>*-ubyte</c>, <c>*-idx3-ubyte</c>, ...).</summary>
    Idx,
}
