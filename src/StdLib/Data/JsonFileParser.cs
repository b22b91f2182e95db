using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ppl.StdLib.Data;

/// <summary>
/// One pass of <see cref="Utf8JsonReader"/> over a JSON data file. Shapes come from the first array
/// met at each depth (<c>X[0]</c>, <c>X[0, 0]</c>, ...); every later array at that depth must match.
/// The reader's own line numbers are not used for values: each value keeps its byte offset, and a
/// <see cref="LineMap"/> turns offsets into line:column when a message needs one.
/// </summary>
internal sealed class JsonFileParser
{
    /// <summary>Largest magnitude up to which every integer is exactly a double (IEEE 754 binary64).</summary>
    private const long MaxExactInteger = 1L << 53;

    private readonly byte[] _bytes;
    private readonly string _file;
    private readonly string _unnamed;
    private readonly int _bom;
    private readonly LineMap _lines;
    private readonly DataErrorList _errors;
    private readonly List<DataArray> _arrays = [];
    private readonly Dictionary<string, int> _keyOffsets = new(StringComparer.Ordinal);

    // The element being read, for messages (also when the reader throws in the middle of an array):
    // _indices[k] is the index of the current element in the k-th open array, -1 before its first.
    private string? _field;
    private readonly List<int> _indices = [];
    private readonly List<int> _arrayStarts = [];

    public JsonFileParser(byte[] bytes, string file, string unnamed)
    {
        _bytes = bytes;
        _file = file;
        _unnamed = unnamed;
        _bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        _lines = LineMap.Build(bytes);
        _errors = new DataErrorList(file);
    }

    public DataReadResult Parse()
    {
        var reader = new Utf8JsonReader(_bytes.AsSpan(_bom), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            ParseDocument(ref reader);
        }
        catch (JsonException e)
        {
            _errors.Add(SyntaxError(e));
        }

        return new DataReadResult(new DataSet(_arrays), _errors.ToList());
    }

    private void ParseDocument(ref Utf8JsonReader reader)
    {
        if (_bytes.AsSpan(_bom).Trim(" \t\r\n"u8).IsEmpty)
        {
            _errors.Add(
                "the JSON data file is empty",
                new DataPosition(_file),
                "write an object keyed by data name, like {\"x\": [1, 2]}");
            return;
        }

        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                ParseObject(ref reader);
                break;
            case JsonTokenType.StartArray or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                _field = _unnamed;
                AddField(ParseField(ref reader, _unnamed, Offset(reader)));
                break;
            default:
                _errors.Add(
                    $"a JSON data file must hold an object keyed by data name; this one holds {JsonMessages.Describe(reader.TokenType)}",
                    Position(Offset(reader)),
                    "write an object keyed by data name, like {\"x\": [1, 2]}");
                return;
        }

        // Anything after the top-level value makes the reader throw: that is a syntax error.
        while (reader.Read())
        {
        }
    }

    private void ParseObject(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var keyOffset = Offset(reader);
            _field = name;
            reader.Read();
            var array = ParseField(ref reader, name, keyOffset);
            if (name.Length == 0)
            {
                _errors.Add("a field has an empty name", Position(keyOffset));
            }
            else if (_keyOffsets.TryGetValue(name, out var first))
            {
                var (line, column) = _lines.Locate(first);
                _errors.Add(string.Create(CultureInfo.InvariantCulture, $"duplicate field '{name}' (first given at {line}:{column})"), Position(keyOffset));
            }
            else
            {
                _keyOffsets.Add(name, keyOffset);
                AddField(array);
            }
        }
    }

    private void AddField(DataArray? array)
    {
        if (array is not null)
        {
            _arrays.Add(array);
        }
    }

    /// <summary>Reads one field's value; null when it has errors (they are reported).</summary>
    private DataArray? ParseField(ref Utf8JsonReader reader, string name, int keyOffset)
    {
        var field = new JsonFieldValues(this);
        var errorsBefore = _errors.Count;
        int[]? shape = [];
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                shape = ParseArray(ref reader, field);
                break;
            default:
                ParseScalar(ref reader, field);
                break;
        }

        _field = null;
        _indices.Clear();
        _arrayStarts.Clear();
        if (shape is null || _errors.Count > errorsBefore)
        {
            return null;
        }

        var positions = new JsonPositions(_file, _lines, [.. field.Offsets]);
        return new DataArray(name, shape, field.Kind, new DoubleValues([.. field.Values]), Position(keyOffset), positions);
    }

    /// <summary>Reads nested arrays; returns the shape, or null after a ragged or mis-nested array.</summary>
    private int[]? ParseArray(ref Utf8JsonReader reader, JsonFieldValues field)
    {
        var baseDepth = reader.CurrentDepth;
        var sizes = new List<int>();                 // per depth: length of the first array there, -1 until known
        var firstElements = new List<string?>();     // per depth: what the first element there was ("an array", ...)
        var firstElementPaths = new List<string?>();
        Open(sizes, firstElements, firstElementPaths, Offset(reader));
        while (reader.Read())
        {
            var depth = _indices.Count - 1;
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                var length = _indices[depth] + 1;
                if (sizes[depth] < 0)
                {
                    sizes[depth] = length;
                }
                else if (sizes[depth] != length)
                {
                    _errors.Add(
                        $"{PathOf(depth)} has {JsonMessages.Elements(length)} but {PathOf(depth, zeros: true)} has {sizes[depth]}",
                        Position(_arrayStarts[depth]),
                        "arrays must be rectangular: every row at the same depth has the same length");
                    SkipRest(ref reader, baseDepth);
                    return null;
                }

                _indices.RemoveAt(depth);
                _arrayStarts.RemoveAt(depth);
                if (_indices.Count == 0)
                {
                    break;
                }

                continue;
            }

            _indices[depth]++;
            var what = JsonMessages.Describe(reader.TokenType);
            var isArray = reader.TokenType == JsonTokenType.StartArray;
            if (firstElements[depth] is null)
            {
                firstElements[depth] = what;
                firstElementPaths[depth] = CurrentPath();
            }
            else if ((firstElements[depth] == "an array") != isArray)
            {
                _errors.Add(
                    $"{CurrentPath()} is {what} but {firstElementPaths[depth]} is {firstElements[depth]}",
                    Position(Offset(reader)),
                    "arrays must be nested to the same depth everywhere");
                SkipRest(ref reader, baseDepth);
                return null;
            }

            if (isArray)
            {
                Open(sizes, firstElements, firstElementPaths, Offset(reader));
            }
            else
            {
                ParseScalar(ref reader, field);
            }
        }

        return [.. sizes];
    }

    private void Open(List<int> sizes, List<string?> firstElements, List<string?> firstElementPaths, int offset)
    {
        _indices.Add(-1);
        _arrayStarts.Add(offset);
        if (sizes.Count < _indices.Count)
        {
            sizes.Add(-1);
            firstElements.Add(null);
            firstElementPaths.Add(null);
        }
    }

    /// <summary>After a structural error: reads up to the end of the field's outermost array.</summary>
    private static void SkipRest(ref Utf8JsonReader reader, int baseDepth)
    {
        while (!(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == baseDepth) && reader.Read())
        {
        }
    }

    private void ParseScalar(ref Utf8JsonReader reader, JsonFieldValues field)
    {
        var offset = Offset(reader);
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                ParseNumber(ref reader, field, offset);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                field.Add(reader.TokenType == JsonTokenType.True ? 1 : 0, DataElementKind.Boolean, offset);
                break;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (JsonMessages.NonFiniteWord(text) is { } word)
                {
                    _errors.Add($"{CurrentPath()} is the string \"{text}\"; data values must be finite numbers", Position(offset), JsonMessages.MissingHint(word));
                }
                else
                {
                    _errors.Add($"{CurrentPath()} is a string ({JsonMessages.Quote(text)}); data values must be numbers, booleans or arrays of them", Position(offset));
                }

                break;
            case JsonTokenType.Null:
                _errors.Add($"{CurrentPath()} is null; missing values are not allowed", Position(offset), "remove the row, or impute the value before binding");
                break;
            default:
                _errors.Add($"{CurrentPath()} is an object; data values must be numbers, booleans or arrays of them", Position(offset));
                reader.Skip();
                break;
        }
    }

    private void ParseNumber(ref Utf8JsonReader reader, JsonFieldValues field, int offset)
    {
        var raw = reader.ValueSpan;
        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            if (reader.TryGetInt64(out var integer) && integer is >= -MaxExactInteger and <= MaxExactInteger)
            {
                field.Add(integer, DataElementKind.Integer, offset);
            }
            else
            {
                _errors.Add(
                    $"{CurrentPath()} is {Encoding.UTF8.GetString(raw)}, an integer too large to hold exactly (beyond 2^53)",
                    Position(offset),
                    "write it with an exponent (e.g. 1.5e20) if it is a real number");
            }

            return;
        }

        if (reader.TryGetDouble(out var value) && double.IsFinite(value))
        {
            field.Add(value, DataElementKind.Real, offset);
        }
        else
        {
            _errors.Add($"{CurrentPath()} is {Encoding.UTF8.GetString(raw)}, which overflows to infinity; data values must be finite numbers", Position(offset));
        }
    }

    internal void MixedKinds(string firstPath, DataElementKind firstKind, DataElementKind kind, int offset) =>
        _errors.Add($"{CurrentPath()} is {JsonMessages.Article(kind)} but {firstPath} is {JsonMessages.Article(firstKind)}", Position(offset), "an array holds either booleans or numbers");

    /// <summary>
    /// The reader stops at the first syntax error. NaN and Infinity are the likely ones in data files
    /// (Python's json module writes them), so they get a message naming the element.
    /// </summary>
    private DataError SyntaxError(JsonException e)
    {
        var line = (int)(e.LineNumber ?? 0);
        var offset = Math.Min(_lines.LineStart(line) + (int)(e.BytePositionInLine ?? 0), _bytes.Length);
        var start = offset;
        while (start > 0 && char.IsAsciiLetter((char)_bytes[start - 1]))
        {
            start--;
        }

        var end = start;
        while (end < _bytes.Length && char.IsAsciiLetter((char)_bytes[end]))
        {
            end++;
        }

        var sign = start > 0 && _bytes[start - 1] is (byte)'-' or (byte)'+' ? 1 : 0;
        var word = Encoding.ASCII.GetString(_bytes, start - sign, end - start + sign);
        if (_field is not null && JsonMessages.NonFiniteWord(word) is { } kind)
        {
            var path = _indices.Count == 0 ? JsonMessages.DisplayName(_field) : PathOf(_indices.Count, nextElement: true);
            return new DataError($"{path} is {word}, which is not valid JSON; data values must be finite numbers", Position(start - sign), JsonMessages.MissingHint(kind));
        }

        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return new DataError("invalid JSON: " + (cut >= 0 ? message[..cut] : message), Position(offset));
    }

    internal string CurrentElementPath() => CurrentPath();

    private string CurrentPath() => _indices.Count == 0 ? JsonMessages.DisplayName(_field ?? string.Empty) : PathOf(_indices.Count);

    /// <summary>
    /// The path of the current element at a depth (the first <paramref name="count"/> indices), with
    /// all indices zero (the reference element), or with the last index advanced (the element being read).
    /// </summary>
    private string PathOf(int count, bool zeros = false, bool nextElement = false)
    {
        var name = JsonMessages.DisplayName(_field ?? string.Empty);
        if (count == 0)
        {
            return name;
        }

        var text = new StringBuilder(name).Append('[');
        for (var k = 0; k < count; k++)
        {
            var index = zeros ? 0 : _indices[k] + (nextElement && k == count - 1 ? 1 : 0);
            text.Append(k == 0 ? string.Empty : ", ").Append(index.ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    private int Offset(in Utf8JsonReader reader) => (int)reader.TokenStartIndex + _bom;

    private DataPosition Position(int offset) => _lines.Position(_file, offset);
}
