using System.Text;
using Ppl.StdLib.Data;

namespace Ppl.StdLib.Tests.Data;

public sealed class CsvDataReaderTests
{
    private const string File = "data.csv";

    [Fact]
    public void Plain_columns_are_vectors_and_indexed_columns_make_a_matrix()
    {
        const string csv = "y,X.0,X.1,flag\n1.5,1,2,true\n2,3,4,FALSE\n";

        var result = CsvDataReader.Parse(csv, File);

        Assert.Empty(result.Errors);
        var data = result.Data;
        Assert.Equal(["y", "X", "flag"], data.Names);
        Assert.Equal([2], data["y"].Shape);
        Assert.Equal(DataElementKind.Real, data["y"].Kind);
        Assert.Equal([1.5, 2], data["y"].ToDoubleArray());
        Assert.Equal([2, 2], data["X"].Shape);
        Assert.Equal(DataElementKind.Integer, data["X"].Kind);
        Assert.Equal([1.0, 2, 3, 4], data["X"].ToDoubleArray());
        Assert.Equal(DataElementKind.Boolean, data["flag"].Kind);
        Assert.Equal([1.0, 0], data["flag"].ToDoubleArray());
    }

    [Fact]
    public void Indexed_columns_may_come_in_any_order_and_nest_to_rank_three()
    {
        const string csv = "A.1.1,X.1,A.0.0,A.0.1,X.0,A.1.0\n4,20,1,2,10,3\n8,21,5,6,11,7\n";

        var data = CsvDataReader.Parse(csv, File).Data;

        Assert.Equal([2, 2], data["X"].Shape);
        Assert.Equal([10.0, 20, 11, 21], data["X"].ToDoubleArray());
        Assert.Equal([2, 2, 2], data["A"].Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7, 8], data["A"].ToDoubleArray());
    }

    [Fact]
    public void Zero_one_columns_are_integers_for_the_binder_to_accept_as_booleans()
    {
        var y = CsvDataReader.Parse("y\n0\n1\n1\n", File).Data["y"];

        Assert.Equal(DataElementKind.Integer, y.Kind);
        Assert.Equal([0.0, 1, 1], y.ToDoubleArray());
    }

    [Fact]
    public void Values_know_their_line_and_column_name()
    {
        var x = CsvDataReader.Parse("y,X.0,X.1\n1,2,3\n4,5,6\n", File).Data["X"];

        Assert.Equal(new DataPosition(File) { Line = 3, ColumnName = "X.1" }, x.PositionOf(3));
        Assert.Equal("data.csv:3, column 'X.1'", x.PositionOf(3).ToString());
        Assert.Equal("X[1, 1]", x.ElementName(3));
        Assert.Equal(new DataPosition(File) { Line = 1, ColumnName = "X.0" }, x.Position);
    }

    [Fact]
    public void Lines_stay_right_after_blank_lines_and_quoted_line_breaks()
    {
        var y = CsvDataReader.Parse("y,z\n1,0\n\n2,0\n3,0\n", File).Data["y"];
        var quoted = CsvDataReader.Parse("y,z\n1,2\n\n\"3\n\",4\n5,6\n", File).Data["y"];

        Assert.Equal([2, 4, 5], Enumerable.Range(0, 3).Select(i => y.PositionOf(i).Line));
        Assert.Equal([2, 4, 6], Enumerable.Range(0, 3).Select(i => quoted.PositionOf(i).Line));
    }

    [Fact]
    public void Columns_named_by_indices_alone_make_one_unnamed_array()
    {
        var unnamed = CsvDataReader.Parse("0,1,2\n1,2,3\n", File).Data.Arrays.Single();
        var named = CsvDataReader.Parse("0,1,2\n1,2,3\n", File, "x").Data["x"];

        Assert.Equal(string.Empty, unnamed.Name);
        Assert.Equal([1, 3], named.Shape);
    }

    [Fact]
    public void A_header_without_rows_gives_empty_arrays()
    {
        var data = CsvDataReader.Parse("y,X.0,X.1\n", File).Data;

        Assert.Equal([0], data["y"].Shape);
        Assert.Equal([0, 2], data["X"].Shape);
        Assert.Equal(DataElementKind.Empty, data["X"].Kind);
    }

    [Fact]
    public void A_byte_order_mark_and_spaces_around_names_and_values_are_fine()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(" y , z\n 1 , 2.5 \n")).ToArray();

        var data = CsvDataReader.Parse(bytes, File).Data;

        Assert.Equal([1.0], data["y"].ToDoubleArray());
        Assert.Equal([2.5], data["z"].ToDoubleArray());
    }

    public static TheoryData<string, string, int, string?> CellErrors => new()
    {
        // CSV text, exact message, line, column name
        { "y,z\n1,\n", "z[0] is an empty cell; missing values are not allowed", 2, "z" },
        { "y\n1\nNaN\n", "y[1] is 'NaN'; data values must be finite numbers", 3, "y" },
        { "y\nnan\n", "y[0] is 'nan'; data values must be finite numbers", 2, "y" },
        { "y\ninf\n", "y[0] is 'inf'; data values must be finite numbers", 2, "y" },
        { "y\n-Infinity\n", "y[0] is '-Infinity'; data values must be finite numbers", 2, "y" },
        { "y\n1e400\n", "y[0] is 1e400, which overflows to infinity; data values must be finite numbers", 2, "y" },
        { "y\nNA\n", "y[0] is 'NA'; missing values are not allowed", 2, "y" },
        { "y\nabc\n", "y[0] is 'abc'; data values must be numbers or booleans (true/false)", 2, "y" },
        { "y\n1,5\n", "the row has 2 fields but the header has 1 column", 2, null },
        { "y,z\n1,2\n3\n", "the row has 1 field but the header has 2 columns", 3, null },
        { "y\n9007199254740993\n", "y[0] is 9007199254740993, an integer too large to hold exactly (beyond 2^53)", 2, "y" },
        { "y\n1\ntrue\n", "y[1] is a boolean ('true') but y[0] is a number ('1')", 3, "y" },
        { "X.0,X.1\ntrue,1\n", "X[0, 1] is a number ('1') but X[0, 0] is a boolean ('true')", 2, "X.1" },
    };

    [Theory]
    [MemberData(nameof(CellErrors))]
    public void Bad_cells_and_rows_are_errors_with_line_and_column_name(string csv, string message, int line, string? column)
    {
        var result = CsvDataReader.Parse(csv, File);

        var error = Assert.Single(result.Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal(new DataPosition(File) { Line = line, ColumnName = column }, error.Position);
        Assert.Empty(result.Data.Arrays);
    }

    [Theory]
    [InlineData("y\n1\"2\n", "the field '1\"2' is not quoted properly", 2)]
    [InlineData("y,z\n\"1\"2,2\n", "the field '\"1\"2' is not quoted properly", 2)]
    [InlineData("y\n3\n\"1\n", "the field '\"1\\n' is not quoted properly", 3)]
    [InlineData("\"y\"z\n1\n", "the header field '\"y\"z' is not quoted properly", 1)]
    public void Bad_quoting_is_an_error_even_when_the_text_would_read_as_a_number(string csv, string message, int line)
    {
        var error = Assert.Single(CsvDataReader.Parse(csv, File).Errors);

        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.Position.Line);
    }

    [Fact]
    public void A_quoted_cell_with_a_line_break_is_shown_on_one_line()
    {
        var error = Assert.Single(CsvDataReader.Parse("y\n\"1\n2\"\n", File).Errors);

        Assert.Equal("y[0] is '1\\n2'; data values must be numbers or booleans (true/false)", error.Message);
    }

    public static TheoryData<string, string, string?> HeaderErrors => new()
    {
        // CSV text, exact message, column name in the position
        { "X.0,X.1,X.3\n1,2,3\n", "there is no column 'X.2': the columns of 'X' must cover every index from X.0 to X.3", null },
        { "A.0.0,A.0.1,A.1.1\n1,2,3\n", "there is no column 'A.1.0': the columns of 'A' must cover every index from A.0.0 to A.1.1", null },
        { "A.0,A.0.1\n1,2\n", "column 'A.0.1' has 2 indices but column 'A.0' has 1 index", "A.0.1" },
        { "y,y\n1,2\n", "column 'y' appears twice in the header (columns 1 and 2)", "y" },
        { "X,X.0\n1,2\n", "columns 'X' and 'X.0' both give data 'X'", "X.0" },
        { "X.1,X.0,X.01\n1,2,3\n", "columns 'X.1' and 'X.01' both give X[n, 1]", "X.01" },
        { "y,,z\n1,2,3\n", "column 2 has no name in the header", null },
    };

    [Theory]
    [MemberData(nameof(HeaderErrors))]
    public void Malformed_headers_are_errors_on_the_header_line(string csv, string message, string? column)
    {
        var result = CsvDataReader.Parse(csv, File);

        var error = Assert.Single(result.Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal(new DataPosition(File) { Line = 1, ColumnName = column }, error.Position);
    }

    [Fact]
    public void Gap_error_explains_the_convention()
    {
        var error = Assert.Single(CsvDataReader.Parse("X,X.0\n1,2\n", File).Errors);

        Assert.Equal("a data name is either one column, or indexed columns X.0, X.1, ...", error.Hint);
    }

    [Fact]
    public void An_empty_file_needs_a_header()
    {
        var error = Assert.Single(CsvDataReader.Parse(string.Empty, File).Errors);

        Assert.Equal("the CSV data file is empty; it needs a header row naming the columns", error.Message);
    }

    [Fact]
    public void Every_bad_cell_is_reported_up_to_the_limit()
    {
        var csv = "y,z\n" + string.Concat(Enumerable.Repeat("1,\n", 25));

        var errors = CsvDataReader.Parse(csv, File).Errors;

        Assert.Equal(21, errors.Count);
        Assert.Equal(new DataPosition(File) { Line = 21, ColumnName = "z" }, errors[19].Position);
        Assert.Equal("5 more errors in this file are not shown", errors[20].Message);
    }

    [Fact]
    public void Reads_a_file_and_a_gzipped_file_alike()
    {
        using var directory = new TempDirectory();
        const string csv = "y,X.0,X.1\n1,2,3\n4,5,6\n";
        var plain = directory.Write("d.csv", csv);
        var gzipped = directory.Write("d.csv.gz", Gzip.Compress(Encoding.UTF8.GetBytes(csv)));

        var a = CsvDataReader.Read(plain).Data;
        var b = CsvDataReader.Read(gzipped).Data;

        Assert.Equal(a["X"].ToDoubleArray(), b["X"].ToDoubleArray());
        Assert.Equal(gzipped, b["X"].PositionOf(0).File);
    }

    [Fact]
    public void Many_rows_are_read_and_located_without_per_value_positions()
    {
        var text = new StringBuilder("y,X.0,X.1\n");
        const int rows = 200_000;
        for (var n = 0; n < rows; n++)
        {
            text.Append(n).Append(",0.5,").Append(n % 7).Append('\n');
        }

        var data = CsvDataReader.Parse(text.ToString(), File).Data;

        Assert.Equal([rows, 2], data["X"].Shape);
        Assert.Equal(rows - 1, data["y"][rows - 1]);
        Assert.Equal(new DataPosition(File) { Line = rows + 1, ColumnName = "X.1" }, data["X"].PositionOf((2 * rows) - 1));
    }
}
