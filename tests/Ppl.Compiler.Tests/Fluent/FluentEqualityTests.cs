using Ppl.Compiler.Fluent;
using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Tests.Fluent;

/// <summary>The same model written as text and through the fluent API lowers to equal IR (printer dumps compared).</summary>
public sealed class FluentEqualityTests
{
    public static TheoryData<string> Examples => [.. FluentModels.All.Keys];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Fluent_model_lowers_to_the_same_IR_as_the_example_text(string name)
    {
        var text = PplModel.Parse(File.ReadAllText(Repository.Example(name)), name + ".ppl");
        Assert.False(text.HasErrors, text.RenderDiagnostics());

        var fluent = FluentModels.All[name]().Compile();
        Assert.False(fluent.HasErrors, fluent.RenderDiagnostics() + "\n" + fluent.Source);

        Assert.Equal(IrPrinter.Print(text.Ir!), IrPrinter.Print(fluent.Ir!));
    }

    [Fact]
    public void Every_example_has_a_fluent_twin()
    {
        var examples = Directory.GetDirectories(Path.Combine(Repository.Root, "examples"))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".ppl")))
            .Select(Path.GetFileName)
            .Order();
        Assert.Equal(examples, FluentModels.All.Keys.Order());
    }

    [Fact]
    public void Coin_from_the_builder_reads_as_the_language()
    {
        Assert.Equal(
            "data flips: bool[N]\ntheta ~ Beta(1, 1)\nplate n in N {\n  flips[n] ~ Bernoulli(theta)\n}\n",
            FluentModels.Coin().ToPpl());
    }

    [Fact]
    public void Operators_render_with_the_parentheses_the_tree_needs()
    {
        var (a, b, c) = (PplExpr.Name("a"), PplExpr.Name("b"), PplExpr.Name("c"));
        Assert.Equal("a - (b - c)", (a - (b - c)).Text);
        Assert.Equal("a - b - c", (a - b - c).Text);
        Assert.Equal("(a + b) * c", ((a + b) * c).Text);
        Assert.Equal("a @ b * c", (a.MatMul(b) * c).Text);
        Assert.Equal("a * b @ c", (a * b.MatMul(c)).Text); // @ binds tighter than *
        Assert.Equal("(a * b) @ c", (a * b).MatMul(c).Text);
        Assert.Equal("-a ^ 2", (-a.Pow(2)).Text);
        Assert.Equal("(-a) ^ 2", (-a).Pow(2).Text);
        Assert.Equal("a ^ b ^ c", a.Pow(b.Pow(c)).Text);
        Assert.Equal("(a ^ b) ^ c", a.Pow(b).Pow(c).Text);
        Assert.Equal("(a + b)[0]", (a + b)[0].Text);
        Assert.Equal("0.001", ((PplExpr)1e-3).Text);
        Assert.Equal("1.0", ((PplExpr)1.0).Text);
        Assert.Equal("-2.5", ((PplExpr)(-2.5)).Text);
    }

    [Fact]
    public void A_distribution_needs_exactly_one_of_its_alternatives()
    {
        var mu = PplExpr.Name("mu");
        Assert.Equal("Normal(mu, 1)", Dist.Normal(mu, 1).Text);
        Assert.Equal("Normal(mu, precision: 2)", Dist.Normal(mu, precision: 2).Text);
        Assert.Throws<ArgumentException>(() => Dist.Normal(mu));
        Assert.Throws<ArgumentException>(() => Dist.Normal(mu, sd: 1, var: 2));
    }

    [Fact]
    public void A_mistake_in_a_fluent_model_is_a_diagnostic_from_the_same_checker()
    {
        var m = new ModelBuilder("typo");
        var N = m.Size("N");
        var x = m.Data("x", Types.Real(N));
        m.Plate("n", N, n => m.Observe(x[n], Dist.Of("Nromal", 0, 1)));

        var model = m.Compile();

        Assert.True(model.HasErrors);
        Assert.Contains("Nromal", model.RenderDiagnostics(), StringComparison.Ordinal);
        Assert.Throws<PplModelException>(() => m.Build());
    }

    [Fact]
    public void Load_reports_a_missing_file_as_a_diagnostic()
    {
        var model = PplModel.Load(Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid() + ".ppl"));
        Assert.True(model.HasErrors);
        Assert.Null(model.Ir);
    }
}
