using Ppl.Compiler.Binding;
using Ppl.Compiler.Fluent;
using Ppl.StdLib.Data;

namespace Ppl.Compiler.Tests.Binding;

/// <summary>Data that fits its declarations binds to dense buffers with the sizes resolved.</summary>
public sealed class DataBinderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ppl-binding-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static PplModel Model(string text)
    {
        var model = PplModel.Parse(text, "m.ppl");
        Assert.False(model.HasErrors, model.RenderDiagnostics());
        return model;
    }

    private BindingResult Bind(PplModel model, string file, byte[] content)
    {
        var path = Path.Combine(_dir, file);
        File.WriteAllBytes(path, content);
        var read = DataSource.Read(new DataArgument(file.Contains("idx", StringComparison.Ordinal) ? "x" : null, path));
        Assert.False(read.HasErrors, string.Join("\n", read.Errors));
        return DataBinder.Bind(model.RequireIr(), read.Data);
    }

    private BindingResult Bind(PplModel model, string file, string content) =>
        Bind(model, file, System.Text.Encoding.UTF8.GetBytes(content));

    [Fact]
    public void Booleans_bind_as_integers_and_the_size_comes_from_the_data()
    {
        var result = Bind(Model("data flips: bool[N]\ntheta ~ Beta(1, 1)\nplate n in N { flips[n] ~ Bernoulli(theta) }"),
            "coin.json", """{ "flips": [true, false, true, false] }""");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(4, result.Data!.Sizes.Values["N"]);
        Assert.Equal([1, 0, 1, 0], result.Data["flips"].Integers!);
        Assert.Null(result.Data["flips"].Reals);
    }

    [Fact]
    public void A_csv_matrix_binds_with_both_sizes()
    {
        var result = Bind(Model("data X: real[N, D]\ndata y: real[N]\nw: real[D] ~ Normal(0, 1)\ny ~ Normal(X @ w, 1)"),
            "reg.csv", "X.0,X.1,y\n1,2,3\n4,5.5,6\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal((2, 2), (result.Data!.Sizes.Values["N"], result.Data.Sizes.Values["D"]));
        Assert.Equal([1, 2, 4, 5.5], result.Data["X"].Reals!);
        Assert.Equal<int>([2, 2], result.Data["X"].Shape);
    }

    [Fact]
    public void Idx_bytes_bind_to_prob_data_scaled_and_flattened()
    {
        // Two 2×2 images: IDX header 0x00 0x00 0x08 (unsigned byte) 0x03 (rank), then big-endian dims.
        byte[] idx = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 51, 102, 255, 255, 0, 0, 0];
        var result = Bind(Model("data x: prob[N, 4]\np ~ Beta(1, 1)\nplate n in N { x[n] ~ Bernoulli(p) }"), "images.idx", idx);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Data!.Sizes.Values["N"]);
        Assert.Equal<int>([2, 4], result.Data["x"].Shape);
        Assert.Equal([0, 0.2, 0.4, 1, 1, 0, 0, 0], result.Data["x"].Reals!.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Idx_bytes_bind_to_int_data_unscaled()
    {
        byte[] idx = [0, 0, 8, 1, 0, 0, 0, 3, 7, 0, 9];
        var result = Bind(Model("data x: int[N]\nr ~ Gamma(1, 1)\nplate n in N { x[n] ~ Poisson(r) }"), "labels.idx", idx);

        Assert.Empty(result.Diagnostics);
        Assert.Equal([7, 0, 9], result.Data!["x"].Integers!);
    }

    [Fact]
    public void A_const_size_is_checked_against_the_data()
    {
        var result = Bind(Model("const K = 3\ndata w: simplex[K]\ndata c: int[N]\nplate n in N { c[n] ~ Categorical(w) }"),
            "w.json", """{ "w": [0.5, 0.5], "c": [0, 1] }""");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DataDiagnosticCodes.SizeMismatch, diagnostic.Code);
        Assert.StartsWith("K is 3 from const K but 2 from w (axis 0)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Data);
    }

    [Fact]
    public void A_simplex_within_tolerance_and_a_positive_definite_cov_bind()
    {
        var result = Bind(Model("""
            data w: simplex[2, 3]
            data S: cov[2]
            data x: real[N, 2]
            mu: real[2] ~ MvNormal(zeros(2), S)
            plate n in N { x[n] ~ MvNormal(mu, S) }
            """),
            "ok.json", """{ "w": [[0.2, 0.3, 0.5], [0.3333333, 0.3333333, 0.3333334]], "S": [[2, 1], [1, 2]], "x": [[0, 1]] }""");

        Assert.Empty(result.Diagnostics);
        Assert.Equal<int>([2, 2], result.Data!["S"].Shape);
    }
}
