using Ppl.StdLib.Data;

namespace Ppl.StdLib.Tests.Data;

public sealed class DataSourceTests
{
    [Theory]
    [InlineData("data.json", DataFormat.Json)]
    [InlineData("dir/Data.JSON", DataFormat.Json)]
    [InlineData("data.json.gz", DataFormat.Json)]
    [InlineData("data.csv", DataFormat.Csv)]
    [InlineData("data.csv.gz", DataFormat.Csv)]
    [InlineData("images.idx", DataFormat.Idx)]
    [InlineData("images.idx.gz", DataFormat.Idx)]
    [InlineData("train-images-idx3-ubyte.gz", DataFormat.Idx)]
    [InlineData("train-images-idx3-ubyte", DataFormat.Idx)]
    [InlineData("t10k-labels.idx1-ubyte", DataFormat.Idx)]
    [InlineData("data.txt", null)]
    [InlineData("data", null)]
    [InlineData("images.gz", DataFormat.Idx)]
    [InlineData("data.txt.gz", DataFormat.Idx)]
    public void The_reader_is_chosen_by_file_name(string path, DataFormat? format) =>
        Assert.Equal(format, DataSource.FormatOf(path));

    [Theory]
    [InlineData("data.csv", null, "data.csv")]
    [InlineData("x=images.idx", "x", "images.idx")]
    [InlineData("X_new=dir/new.csv", "X_new", "dir/new.csv")]
    [InlineData("./a=b.csv", null, "./a=b.csv")]
    [InlineData("1x=b.csv", null, "1x=b.csv")]
    [InlineData("=b.csv", null, "=b.csv")]
    public void Data_arguments_are_FILE_or_NAME_equals_FILE(string text, string? name, string path)
    {
        var argument = DataArgument.Parse(text);

        Assert.Equal(new DataArgument(name, path), argument);
        Assert.Equal(text, argument.ToString());
    }

    [Fact]
    public void Without_data_arguments_the_model_json_and_csv_beside_the_model_are_read()
    {
        using var directory = new TempDirectory();
        var model = directory.Write("blr.ppl", "data y: real[N]");
        directory.Write("blr.json", """{"N": 2}""");
        directory.Write("blr.csv", "y,X.0\n1,2\n3,4\n");

        var result = DataSource.Load(model, Array.Empty<string>());

        Assert.Empty(result.Errors);
        Assert.Equal(["N", "y", "X"], result.Data.Names);
        Assert.Equal([directory.File("blr.json"), directory.File("blr.csv")], DataSource.Defaults(model).Select(a => a.Path));
    }

    [Fact]
    public void Without_data_arguments_or_default_files_there_is_no_data_and_no_error()
    {
        using var directory = new TempDirectory();

        var result = DataSource.Load(directory.File("coin.ppl"), Array.Empty<string>());

        Assert.Empty(result.Errors);
        Assert.Equal(0, result.Data.Count);
    }

    [Fact]
    public void Repeated_data_arguments_merge_and_NAME_equals_FILE_names_an_idx_file()
    {
        using var directory = new TempDirectory();
        var images = directory.Write("train-images-idx3-ubyte.gz", Gzip.Compress(IdxWriter.Write(IdxElementType.UnsignedByte, [2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7])));
        var labels = directory.Write("y.csv", "y\n0\n1\n");

        var result = DataSource.Load(directory.File("vae.ppl"), [$"x={images}", labels]);

        Assert.Empty(result.Errors);
        Assert.Equal(["x", "y"], result.Data.Names);
        Assert.Equal([2, 2, 2], result.Data["x"].Shape);
    }

    [Fact]
    public void Gzipped_json_is_read_through_the_json_reader()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("d.json.gz", Gzip.Compress("{\"y\": [1, 2]}"u8.ToArray()));

        var result = DataSource.Load(directory.File("m.ppl"), [path]);

        Assert.Empty(result.Errors);
        Assert.Equal([1.0, 2], result.Data["y"].ToDoubleArray());
        Assert.Equal(new DataPosition(path) { Line = 1, Column = 11 }, result.Data["y"].PositionOf(1));
    }

    [Fact]
    public void NAME_equals_FILE_renames_the_one_array_of_a_csv_or_json_file()
    {
        using var directory = new TempDirectory();
        var csv = directory.Write("column.csv", "values\n1\n2\n");
        var json = directory.Write("matrix.json", "[[1, 2], [3, 4]]");

        var result = DataSource.Load(directory.File("m.ppl"), [$"y={csv}", $"X={json}"]);

        Assert.Empty(result.Errors);
        Assert.Equal([2], result.Data["y"].Shape);
        Assert.Equal([2, 2], result.Data["X"].Shape);
    }

    [Fact]
    public void A_name_given_by_two_files_is_an_error_naming_both_places()
    {
        using var directory = new TempDirectory();
        var json = directory.Write("a.json", """{"y": [1, 2]}""");
        var csv = directory.Write("b.csv", "y\n1\n");

        var result = DataSource.Load(directory.File("m.ppl"), [json, csv]);

        var error = Assert.Single(result.Errors);
        Assert.Equal($"data 'y' is given twice: here and at {json}:1:2", error.Message);
        Assert.Equal(new DataPosition(csv) { Line = 1, ColumnName = "y" }, error.Position);
        Assert.Equal(["y"], result.Data.Names);
    }

    [Fact]
    public void An_unnamed_array_needs_NAME_equals_FILE()
    {
        using var directory = new TempDirectory();
        var images = directory.Write("images.idx", IdxWriter.Write(IdxElementType.UnsignedByte, [1], [5]));

        var error = Assert.Single(DataSource.Load(directory.File("m.ppl"), [images]).Errors);

        Assert.Equal($"'{images}' holds an unnamed array", error.Message);
        Assert.Equal($"bind it to a data name with --data NAME={images}", error.Hint);
    }

    [Fact]
    public void NAME_equals_FILE_with_several_arrays_is_an_error()
    {
        using var directory = new TempDirectory();
        var csv = directory.Write("d.csv", "a,b\n1,2\n");

        var error = Assert.Single(DataSource.Load(directory.File("m.ppl"), [$"y={csv}"]).Errors);

        Assert.Equal($"'{csv}' holds 2 arrays (a, b); --data y=FILE needs a file holding one", error.Message);
    }

    [Fact]
    public void Unknown_formats_and_missing_files_are_errors()
    {
        using var directory = new TempDirectory();
        var text = directory.Write("d.txt", "1 2 3");
        var missing = directory.File("missing.csv");

        var errors = DataSource.Load(directory.File("m.ppl"), [text, missing]).Errors;

        Assert.Equal(
            [$"cannot tell the format of data file '{text}' from its name", $"cannot read data file '{missing}': no such file"],
            errors.Select(e => e.Message));
        Assert.Equal("data files end in .json, .csv, .idx, -ubyte or .gz", errors[0].Hint);
    }

    [Fact]
    public void A_directory_is_not_a_data_file()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File("d.csv"));

        var error = Assert.Single(DataSource.Load(directory.File("m.ppl"), [directory.File("d.csv")]).Errors);

        Assert.Equal($"cannot read data file '{directory.File("d.csv")}': it is a directory", error.Message);
    }

    [Fact]
    public void Errors_from_every_file_are_collected()
    {
        using var directory = new TempDirectory();
        var json = directory.Write("a.json", """{"x": [1, null]}""");
        var csv = directory.Write("b.csv", "y\nNaN\n");

        var errors = DataSource.Load(directory.File("m.ppl"), [json, csv]).Errors;

        Assert.Equal(
            [$"{json}:1:11: x[1] is null; missing values are not allowed (remove the row, or impute the value before binding)",
             $"{csv}:2, column 'y': y[0] is 'NaN'; data values must be finite numbers (remove the row, or impute the value before binding)"],
            errors.Select(e => e.ToString()));
    }
}
