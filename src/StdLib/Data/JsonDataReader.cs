using System.Text;

namespace Ppl.StdLib.Data;

/// <summary>
/// Reads JSON data files: an object keyed by data name, each value a number, a boolean, or arrays of
/// them nested as in the declared shape (<c>{"X": [[1, 2], [3, 4]], "y": [0.5, 1.5]}</c>). Integers
/// stay exact; NaN, infinities, null, strings, nested objects and ragged arrays are errors naming the
/// element and its line:column. A top-level array or number is one unnamed array (for
/// <c>--data NAME=FILE</c>).
/// </summary>
public static class JsonDataReader
{
    /// <summary>Reads a JSON file (gzip-compressed or not).</summary>
    /// <param name="path">The file, as the user named it; positions use this text.</param>
    /// <param name="name">The name of a top-level array or number, when the file holds one rather than an object.</param>
    public static DataReadResult Read(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var contents = DataFile.Read(path);
        return contents.Error is { } error ? DataReadResult.Failure(error) : Parse(contents.Bytes!, path, name);
    }

    /// <summary>Reads JSON text held in memory.</summary>
    /// <param name="json">The text.</param>
    /// <param name="file">The label used in positions.</param>
    /// <param name="name">The name of a top-level array or number, when the text holds one rather than an object.</param>
    public static DataReadResult Parse(string json, string file, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), file, name);
    }

    /// <summary>Reads UTF-8 JSON bytes held in memory (a byte-order mark is allowed).</summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="file">The label used in positions.</param>
    /// <param name="name">The name of a top-level array or number, when the bytes hold one rather than an object.</param>
    public static DataReadResult Parse(byte[] utf8, string file, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(file);
        return new JsonFileParser(utf8, file, name ?? string.Empty).Parse();
    }
}
