using System.Text;

namespace Ppl.StdLib.Data;

/// <summary>
/// Turns byte offsets of a UTF-8 text file into 1-based line and character column, from one int per
/// line (the offset where it starts). The text itself is kept only when it is not pure ASCII, because
/// only then do byte and character columns differ.
/// </summary>
internal sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly byte[]? _nonAsciiText;

    private LineMap(int[] lineStarts, byte[]? nonAsciiText)
    {
        _lineStarts = lineStarts;
        _nonAsciiText = nonAsciiText;
    }

    public int LineCount => _lineStarts.Length;

    /// <summary>Maps a file's lines; a UTF-8 byte-order mark is not part of the first line.</summary>
    public static LineMap Build(byte[] utf8)
    {
        var bom = utf8.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var starts = new List<int> { bom };
        var span = utf8.AsSpan();
        var offset = bom;
        while (true)
        {
            var next = span[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
            starts.Add(offset);
        }

        return new LineMap([.. starts], Ascii.IsValid(span[bom..]) ? null : utf8);
    }

    /// <summary>The offset at which a 0-based line starts (after the byte-order mark, for the first).</summary>
    public int LineStart(int line) => _lineStarts[line];

    /// <summary>1-based (line, column) of a byte offset.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        var start = _lineStarts[line];
        var column = _nonAsciiText is null
            ? offset - start
            : Encoding.UTF8.GetCharCount(_nonAsciiText, start, offset - start);
        return (line + 1, column + 1);
    }

    public DataPosition Position(string file, int offset)
    {
        var (line, column) = Locate(offset);
        return new DataPosition(file) { Line = line, Column = column };
    }
}
