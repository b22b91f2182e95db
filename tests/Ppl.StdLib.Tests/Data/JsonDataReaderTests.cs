using System.Text;
using Ppl.StdLib.Data;

namespace Ppl.StdLib.Tests.Data;

public sealed class JsonDataReaderTests
{
    private const string File = "data.json";

    private const string Sample = """
        {
          "N": 3,
          "y": [1.5, -2, 3e2],
          "X": [[1, 2], [3, 4], [5, 6]],
          "flips": [true, false, true],
          "k": [-9007199254740992, 0, 9007199254740992]
        }
        """;

    [Fact]
    public void Reads_scalars_vectors_matrices_and_booleans_with_their_kinds()
    {
        var result = JsonDataReader.Parse(Sample, File);

        Assert.Empty(result.Errors);
        var data = result.Data;
        Assert.Equal(["N", "y", "X", "flips", "k"], data.Names);

        Assert.Empty(data["N"].Shape);
        Assert.Equal(DataElementKind.Integer, data["N"].Kind);
        Assert.Equal(3, data["N"][0]);

        Assert.Equal([3], data["y"].Shape);
        Assert.Equal(DataElementKind.Real, data["y"].Kind);
        Assert.Equal([1.5, -2, 300], data["y"].ToDoubleArray());

        Assert.Equal([3, 2], data["X"].Shape);
        Assert.Equal(DataElementKind.Integer, data["X"].Kind);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], data["X"].ToDoubleArray());

        Assert.Equal(DataElementKind.Boolean, data["flips"].Kind);
        Assert.Equal([1.0, 0, 1], data["flips"].ToDoubleArray());
    }

    [Fact]
    public void Integers_up_to_two_to_the_53_are_exact()
    {
        var k = JsonDataReader.Parse(Sample, File).Data["k"];

        Assert.Equal(DataElementKind.Integer, k.Kind);
        Assert.Equal(-9007199254740992L, (long)k[0]);
        Assert.Equal(9007199254740992L, (long)k[2]);
    }

    [Fact]
    public void Real_written_as_1_point_0_stays_real_and_an_integer_among_reals_makes_the_array_real()
    {
        var data = JsonDataReader.Parse("""{"a": [1.0, 2.0], "b": [1, 2.5]}""", File).Data;

        Assert.Equal(DataElementKind.Real, data["a"].Kind);
        Assert.Equal(DataElementKind.Real, data["b"].Kind);
        Assert.Equal([1.0, 2.5], data["b"].ToDoubleArray());
    }

    [Theory]
    [InlineData("y", 2, "3e2", 0)]
    [InlineData("X", 5, "6", 0)]
    [InlineData("X", 0, "[1, 2]", 0)]
    [InlineData("flips", 1, "false", 0)]
    public void Every_value_knows_its_line_and_column(string name, int flatIndex, string needle, int occurrence)
    {
        var array = JsonDataReader.Parse(Sample, File).Data[name];
        var (line, column) = TextPositions.Of(Sample, needle, occurrence);
        if (needle.StartsWith('['))
        {
            column++;
        }

        var position = array.PositionOf(flatIndex);

        Assert.Equal(new DataPosition(File) { Line = line, Column = column }, position);
    }

    [Fact]
    public void Array_position_is_its_key_and_element_names_use_language_indexing()
    {
        var x = JsonDataReader.Parse(Sample, File).Data["X"];
        var (line, column) = TextPositions.Of(Sample, "\"X\"");

        Assert.Equal(new DataPosition(File) { Line = line, Column = column }, x.Position);
        Assert.Equal("X[2, 1]", x.ElementName(5));
        Assert.Equal("data.json:4:29", x.PositionOf(5).ToString());
    }

    [Fact]
    public void Columns_count_characters_not_bytes_and_skip_a_byte_order_mark()
    {
        const string text = "{\"Größe\": [1, 2],\n \"ü\": [3, 4]}";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var data = JsonDataReader.Parse(bytes, File).Data;

        var first = TextPositions.Of(text, "2]");
        var second = TextPositions.Of(text, "4]");
        Assert.Equal((first.Line, first.Column), (data["Größe"].PositionOf(1).Line, data["Größe"].PositionOf(1).Column));
        Assert.Equal((second.Line, second.Column), (data["ü"].PositionOf(1).Line, data["ü"].PositionOf(1).Column));
    }

    [Fact]
    public void Empty_arrays_have_zero_sizes_and_no_kind()
    {
        var data = JsonDataReader.Parse("""{"a": [], "b": [[], []]}""", File).Data;

        Assert.Equal([0], data["a"].Shape);
        Assert.Equal([2, 0], data["b"].Shape);
        Assert.Equal(DataElementKind.Empty, data["b"].Kind);
    }

    [Fact]
    public void Comments_are_allowed_and_unknown_fields_are_returned_for_the_binder_to_judge()
    {
        var data = JsonDataReader.Parse("{\n  // the flips\n  \"flips\": [true],\n  \"foo\": 1\n}", File).Data;

        Assert.Equal(["flips", "foo"], data.Names);
    }

    [Fact]
    public void A_top_level_array_is_one_array_named_by_the_caller()
    {
        var named = JsonDataReader.Parse("[[1, 2], [3, 4]]", File, "x").Data;
        var unnamed = JsonDataReader.Parse("[1, 2]", File).Data;

        Assert.Equal([2, 2], named["x"].Shape);
        Assert.Equal(string.Empty, unnamed.Arrays.Single().Name);
    }

    public static TheoryData<string, string, string, int> Errors => new()
    {
        // JSON text, exact message, text at the reported position, which occurrence of it
        { """{"x": [1, NaN]}""", "x[1] is NaN, which is not valid JSON; data values must be finite numbers", "NaN", 0 },
        { """{"x": [1, nan]}""", "x[1] is nan, which is not valid JSON; data values must be finite numbers", "nan", 0 },
        { "{\"x\": [[1, 2],\n  [3, -Infinity]]}", "x[1, 1] is -Infinity, which is not valid JSON; data values must be finite numbers", "-Infinity", 0 },
        { """{"x": Infinity}""", "x is Infinity, which is not valid JSON; data values must be finite numbers", "Infinity", 0 },
        { """{"x": [1, "NaN"]}""", "x[1] is the string \"NaN\"; data values must be finite numbers", "\"NaN\"", 0 },
        { """{"x": [1, "-Infinity"]}""", "x[1] is the string \"-Infinity\"; data values must be finite numbers", "\"-Inf", 0 },
        { """{"x": [1, null]}""", "x[1] is null; missing values are not allowed", "null", 0 },
        { """{"x": [1, {"a": 1}]}""", "x[1] is an object; data values must be numbers, booleans or arrays of them", "{\"a", 0 },
        { """{"x": {"a": 1}}""", "x is an object; data values must be numbers, booleans or arrays of them", "{\"a", 0 },
        { """{"x": "abc"}""", "x is a string (\"abc\"); data values must be numbers, booleans or arrays of them", "\"abc", 0 },
        { """{"x": [[1, 2, 3], [4, 5]]}""", "x[1] has 2 elements but x[0] has 3", "[4", 0 },
        { """{"x": [[[1], [2]], [[3]]]}""", "x[1] has 1 element but x[0] has 2", "[[3", 0 },
        { """{"x": [[[1], [2]], [[3], [4, 5]]]}""", "x[1, 1] has 2 elements but x[0, 0] has 1", "[4", 0 },
        { """{"x": [1, [2]]}""", "x[1] is an array but x[0] is a number", "[2", 0 },
        { """{"x": [[1], 2]}""", "x[1] is a number but x[0] is an array", "2", 0 },
        { """{"x": [1, true]}""", "x[1] is a boolean but x[0] is a number", "true", 0 },
        { """{"x": [[true], [0]]}""", "x[1, 0] is a number but x[0, 0] is a boolean", "0", 0 },
        { """{"x": [1e400]}""", "x[0] is 1e400, which overflows to infinity; data values must be finite numbers", "1e400", 0 },
        { """{"x": [9007199254740993]}""", "x[0] is 9007199254740993, an integer too large to hold exactly (beyond 2^53)", "9007", 0 },
        { """{"": [1]}""", "a field has an empty name", "\"\"", 0 },
        { "\"abc\"", "a JSON data file must hold an object keyed by data name; this one holds a string", "\"abc\"", 0 },
        { "null", "a JSON data file must hold an object keyed by data name; this one holds null", "null", 0 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Mistakes_are_errors_that_name_the_element_and_its_position(string json, string message, string at, int occurrence)
    {
        var result = JsonDataReader.Parse(json, File);

        var error = Assert.Single(result.Errors);
        Assert.Equal(message, error.Message);
        var (line, column) = TextPositions.Of(json, at, occurrence);
        Assert.Equal(new DataPosition(File) { Line = line, Column = column }, error.Position);
        Assert.Empty(result.Data.Arrays);
    }

    [Fact]
    public void A_duplicate_field_is_an_error_at_its_second_key()
    {
        const string json = """{"x": [1], "x": [2]}""";

        var error = Assert.Single(JsonDataReader.Parse(json, File).Errors);

        Assert.Equal("duplicate field 'x' (first given at 1:2)", error.Message);
        Assert.Equal(new DataPosition(File) { Line = 1, Column = 12 }, error.Position);
    }

    [Theory]
    [InlineData("""{"x": [1, 2,]}""", "The JSON array contains a trailing comma", "]")]
    [InlineData("""{"x": [1, 2] "y": 1}""", "'\"' is invalid after a value", "\"y")]
    [InlineData("""{"x": [1, 2]""", "Expected depth to be zero", "]")]
    public void Syntax_errors_keep_the_json_readers_explanation_and_its_position(string json, string explanation, string at)
    {
        var error = Assert.Single(JsonDataReader.Parse(json, File).Errors);

        Assert.StartsWith("invalid JSON: " + explanation, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        var (line, column) = TextPositions.Of(json, at);
        Assert.Equal(line, error.Position.Line);
        Assert.InRange(error.Position.Column, column, column + 1);
    }

    [Fact]
    public void An_empty_file_is_an_error_with_a_hint()
    {
        var error = Assert.Single(JsonDataReader.Parse("  ", File).Errors);

        Assert.Equal("the JSON data file is empty", error.Message);
        Assert.Equal("write an object keyed by data name, like {\"x\": [1, 2]}", error.Hint);
    }

    [Fact]
    public void Value_errors_are_all_reported_and_only_fields_with_errors_are_left_out()
    {
        const string json = """{"a": [null, 1, null], "b": [1, 2]}""";

        var result = JsonDataReader.Parse(json, File);

        Assert.Equal(["a[0] is null; missing values are not allowed", "a[2] is null; missing values are not allowed"], result.Errors.Select(e => e.Message));
        Assert.Equal(["b"], result.Data.Names);
        Assert.Equal("remove the row, or impute the value before binding", result.Errors[0].Hint);
    }

    [Fact]
    public void After_twenty_errors_the_rest_are_counted_not_listed()
    {
        var json = "{\"a\": [" + string.Join(", ", Enumerable.Repeat("null", 30)) + "]}";

        var errors = JsonDataReader.Parse(json, File).Errors;

        Assert.Equal(21, errors.Count);
        Assert.Equal("a[19] is null; missing values are not allowed", errors[19].Message);
        Assert.Equal("10 more errors in this file are not shown", errors[20].Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), "ppl-no-such-dir", "data.json");

        var error = Assert.Single(JsonDataReader.Read(path).Errors);

        Assert.Equal($"cannot read data file '{path}': no such file", error.Message);
        Assert.Equal(path, error.File);
    }
}
