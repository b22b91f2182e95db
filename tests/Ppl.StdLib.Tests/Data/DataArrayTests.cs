using Ppl.StdLib.Data;

namespace Ppl.StdLib.Tests.Data;

public sealed class DataArrayTests
{
    [Fact]
    public void Values_built_in_code_keep_shape_kind_and_order()
    {
        var x = DataArray.FromValues("X", [2, 3], DataElementKind.Real, [1, 2, 3, 4, 5, 6.5]);

        Assert.Equal([2, 3], x.Shape);
        Assert.Equal(2, x.Rank);
        Assert.Equal(6, x.Count);
        Assert.Equal(6.5, x[5]);
        Assert.Equal("X[1, 2]", x.ElementName(5));
        Assert.Equal(new DataPosition("<memory>"), x.PositionOf(5));
        Assert.Equal([1f, 2, 3, 4, 5, 6.5f], x.ToSingleArray());
    }

    [Fact]
    public void Values_built_in_code_must_fit_the_shape_and_be_finite()
    {
        Assert.Throws<ArgumentException>(() => DataArray.FromValues("X", [2, 2], DataElementKind.Real, [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => DataArray.FromValues("y", [2], DataElementKind.Real, [1, double.NaN]));
    }

    [Fact]
    public void Copying_needs_room_for_every_value()
    {
        var y = DataArray.FromValues("y", [3], DataElementKind.Integer, [1, 2, 3]);

        Assert.Throws<ArgumentOutOfRangeException>(() => y.CopyTo(new double[2]));
        var room = new double[4];
        y.CopyTo(room);
        Assert.Equal([1.0, 2, 3, 0], room);
    }

    [Fact]
    public void Element_names_index_every_axis_and_a_scalar_is_its_name()
    {
        Assert.Equal("A[1, 0, 2]", DataArray.FromValues("A", [2, 2, 3], DataElementKind.Integer, new double[12]).ElementName(8));
        Assert.Equal("N", DataArray.FromValues("N", [], DataElementKind.Integer, [7]).ElementName(0));
    }

    [Fact]
    public void The_binder_finds_the_first_offending_value_and_its_position()
    {
        var p = JsonDataReader.Parse("{\"p\": [0.5, 0.25,\n 1.5, -1]}", "p.json").Data["p"];

        var bad = p.IndexOfFirst(v => v is < 0 or > 1);

        Assert.Equal(2, bad);
        Assert.Equal("p[2]", p.ElementName(bad));
        Assert.Equal("p.json:2:2", p.PositionOf(bad).ToString());
        Assert.Equal(-1, p.IndexOfFirst(v => v > 2));
    }

    [Fact]
    public void Renaming_keeps_values_and_positions()
    {
        var y = CsvDataReader.Parse("values\n4\n", "d.csv").Data["values"].WithName("y");

        Assert.Equal("y", y.Name);
        Assert.Equal(new DataPosition("d.csv") { Line = 2, ColumnName = "values" }, y.PositionOf(0));
    }

    [Fact]
    public void A_data_set_rejects_two_arrays_with_one_name()
    {
        var a = DataArray.FromValues("a", [1], DataElementKind.Integer, [1]);

        Assert.Throws<ArgumentException>(() => new DataSet([a, a]));
        Assert.Null(new DataSet([a]).Find("b"));
        Assert.Throws<KeyNotFoundException>(() => new DataSet([a])["b"]);
    }

    [Theory]
    [InlineData("d.json", 3, 7, null, null, "d.json:3:7")]
    [InlineData("d.csv", 5, 0, "X.2", null, "d.csv:5, column 'X.2'")]
    [InlineData("i.idx", 0, 0, null, 17L, "i.idx, item 17")]
    [InlineData("d.json", 0, 0, null, null, "d.json")]
    public void Positions_render_like_compiler_positions(string file, int line, int column, string? columnName, long? item, string text) =>
        Assert.Equal(text, new DataPosition(file) { Line = line, Column = column, ColumnName = columnName, Item = item }.ToString());

    [Fact]
    public void Errors_render_position_message_and_hint()
    {
        var error = new DataError("y[0] is null; missing values are not allowed", new DataPosition("d.json") { Line = 1, Column = 7 }, "impute it");

        Assert.Equal("d.json:1:7: y[0] is null; missing values are not allowed (impute it)", error.ToString());
        Assert.Equal("d.json", error.File);
    }
}
