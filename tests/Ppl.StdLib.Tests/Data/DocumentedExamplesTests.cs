using Ppl.StdLib.Data;

namespace Ppl.StdLib.Tests.Data;

/// <summary>The examples of docs/data.md, read as the document says they are.</summary>
public sealed class DocumentedExamplesTests
{
    [Fact]
    public void The_json_example_binds_a_scalar_a_boolean_vector_and_a_real_matrix()
    {
        const string json = """{ "N": 3, "flips": [true, false, true], "X": [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]] }""";

        var data = JsonDataReader.Parse(json, "data.json").Data;

        Assert.Equal((DataElementKind.Integer, 0), (data["N"].Kind, data["N"].Rank));
        Assert.Equal((DataElementKind.Boolean, 3), (data["flips"].Kind, data["flips"].Count));
        Assert.Equal(DataElementKind.Real, data["X"].Kind);
        Assert.Equal([3, 2], data["X"].Shape);
    }

    [Fact]
    public void The_csv_example_binds_a_vector_a_matrix_and_a_boolean_vector()
    {
        const string csv = "y,X.0,X.1,flag\n1.5,0.2,3,true\n2.0,0.4,1,false\n";

        var data = CsvDataReader.Parse(csv, "data.csv").Data;

        Assert.Equal(["y", "X", "flag"], data.Names);
        Assert.Equal([2, 2], data["X"].Shape);
        Assert.Equal(DataElementKind.Real, data["X"].Kind);
        Assert.Equal([0.2, 3, 0.4, 1], data["X"].ToDoubleArray());
        Assert.Equal(DataElementKind.Boolean, data["flag"].Kind);
    }
}
