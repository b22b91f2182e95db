using System.Text.RegularExpressions;
using Ppl.Compiler.Fluent;
using Ppl.Compiler.Ir;
using Ppl.Compiler.Planning;

namespace Ppl.Compiler.Tests.Fluent;

/// <summary>
/// The C# examples of docs/csharp.md, verbatim: each test's first statements are one ```csharp block
/// of the page, followed by the checks. The last test keeps the page and this file in step.
/// </summary>
public sealed partial class DocExamplesTests
{
    [Fact]
    public void Coin_written_with_the_builder_compiles_and_reads_as_the_language()
    {
        var m = new ModelBuilder("coin");
        var N = m.Size("N");
        var flips = m.Data("flips", Types.Bool(N));
        var theta = m.Latent("theta", Dist.Beta(1, 1));
        m.Plate("n", N, n => m.Observe(flips[n], Dist.Bernoulli(theta)));

        PplModel model = m.Compile();
        if (model.HasErrors)
        {
            Console.Error.Write(model.RenderDiagnostics());
        }
        string text = m.ToPpl();

        Assert.False(model.HasErrors, model.RenderDiagnostics());
        Assert.Equal("data flips: bool[N]\ntheta ~ Beta(1, 1)\nplate n in N {\n  flips[n] ~ Bernoulli(theta)\n}\n", text);
        AssertSameIrAsExample("coin", model.RequireIr());
    }

    [Fact]
    public void Blr_example_lowers_to_the_example_files_IR()
    {
        var m = new ModelBuilder("blr");
        var (N, D, M) = (m.Size("N"), m.Size("D"), m.Size("M"));
        var X = m.Data("X", Types.Real(N, D));
        var y = m.Data("y", Types.Real(N));
        var XNew = m.Data("X_new", Types.Real(M, D));
        var alpha = m.Latent("alpha", Dist.Gamma(1e-2, 1e-2));
        var beta = m.Latent("beta", Dist.Gamma(1e-2, 1e-2));
        var w = m.Latent("w", Dist.Normal(0, precision: alpha), Types.Real(D));
        m.Observe(y, Dist.Normal(X.MatMul(w), precision: beta));
        m.Latent("y_new", Dist.Normal(XNew.MatMul(w), precision: beta));
        ModelIr ir = m.Build();

        AssertSameIrAsExample("blr", ir);
    }

    [Fact]
    public void Gmm_example_lowers_to_the_example_files_IR()
    {
        var m = new ModelBuilder("gmm");
        var (N, D) = (m.Size("N"), m.Size("D"));
        var x = m.Data("x", Types.Real(N, D));
        var K = m.Const("K", 3);
        var weights = m.Param("weights", Types.Simplex(K));
        var mu = m.Param("mu", Types.Real(K, D));
        var Sigma = m.Param("Sigma", Types.Cov(K, D));
        m.Plate("n", N, n =>
        {
            var z = m.Latent("z", [n], Dist.Categorical(weights));
            m.Observe(x[n], Dist.MvNormal(mu[z[n]], Sigma[z[n]]));
        });
        ModelIr ir = m.Build();

        AssertSameIrAsExample("gmm", ir);
    }

    [Fact]
    public void Vae_example_lowers_to_the_example_files_IR()
    {
        var m = new ModelBuilder("vae");
        var N = m.Size("N");
        var x = m.Data("x", Types.Prob(N, 784));
        var Z = m.Const("Z", 20);
        var decoder = m.Net("decoder", Mlp.Of([Z, 400, 784], act: NetActivation.Relu));
        m.Plate("n", N, n =>
        {
            var z = m.Latent("z", [n], Dist.Normal(0, 1), Types.Real(Z));
            m.Observe(x[n], Dist.Bernoulli(logits: decoder(z[n])));
        }, batch: 128);
        m.Guide(() =>
        {
            var encoder = m.Net("encoder", Mlp.Of([784, 400, 2 * Z], act: NetActivation.Relu));
            m.Plate("n", N, n =>
            {
                var h = m.Let("h", encoder(x[n]));
                m.Latent("z", [n], Dist.Normal(h.Slice(0, Z), sd: Fn.Exp(0.5 * h.Slice(Z, 2 * Z))));
            }, batch: 128);
        });
        ModelIr ir = m.Build();

        AssertSameIrAsExample("vae", ir);
    }

    [Fact]
    public void Bbb_mixture_example_lowers_to_the_example_files_IR()
    {
        var m = new ModelBuilder("bbb-mixture");
        var N = m.Size("N");
        var x = m.Data("x", Types.Real(N, 1));
        var y = m.Data("y", Types.Real(N));
        var prior = Dist.Mixture(Fn.Array(0.5, 0.5), Dist.Normal(0, 1), Dist.Normal(0, 0.0025));
        var f = m.Net("f", Mlp.Of([1, 100, 100, 1], act: NetActivation.Relu, prior: prior));
        var sigma = m.Param("sigma", Types.Pos(), init: 0.1);
        m.Plate("n", N, n => m.Observe(y[n], Dist.Normal(f(x[n])[0], sigma)), batch: 100);
        ModelIr ir = m.Build();

        AssertSameIrAsExample("bbb-mixture", ir);
    }

    [Fact]
    public void Parse_reports_a_misspelt_distribution_as_a_diagnostic()
    {
        PplModel typo = PplModel.Parse("""
            data y: real[N]
            mu ~ Nromal(0, 1)
            y ~ Normal(mu, 1)
            """, "typo.ppl");
        if (typo.HasErrors)
        {
            Console.Error.Write(typo.RenderDiagnostics());
        }

        Assert.True(typo.HasErrors);
        Assert.Null(typo.Ir);
        var error = Assert.Single(typo.Diagnostics, d => d.IsError);
        Assert.Equal(CompilerDiagnostics.UnknownDistribution, error.Code);
        Assert.Equal("unknown distribution 'Nromal'; did you mean 'Normal'?", error.Message);
        Assert.Equal(2, error.Span.Line);
        Assert.Throws<PplModelException>(typo.RequireIr);
    }

    [Fact]
    public void Load_and_plan_choose_message_passing_for_the_coin()
    {
        var coinPath = Repository.Example("coin");

        PplModel coin = PplModel.Load(coinPath);
        Plan plan = coin.Plan();
        Backend? chosen = plan.Chosen;
        string why = PlanPrinter.Decision(plan);

        Assert.Equal(Backend.Vmp, chosen);
        Assert.False(string.IsNullOrWhiteSpace(why));
        Assert.False(plan.Verdict(Backend.Em).CanRun);
        var forced = coin.Plan(Backend.Em);
        Assert.Null(forced.Chosen);
        Assert.Contains(forced.Diagnostics, d => d.Code == PlanningDiagnostics.MethodCannotRun);
    }

    [Fact]
    public void Every_csharp_block_of_the_page_is_tested_code()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "csharp.md"));
        var tested = Normalise(File.ReadAllText(Repository.TestFile("Fluent", "DocExamplesTests.cs"))
            + File.ReadAllText(Path.Combine(Repository.Root, "tests", "Ppl.Inference.Tests", "DocExamples", "CSharpInferenceDocTests.cs")));

        var blocks = CSharpBlock().Matches(page).Select(b => b.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 9, $"expected the page's csharp blocks, found {blocks.Count}");
        Assert.All(blocks, block => Assert.Contains(Normalise(block), tested, StringComparison.Ordinal));
    }

    private static void AssertSameIrAsExample(string name, ModelIr ir)
    {
        var text = PplModel.Parse(File.ReadAllText(Repository.Example(name)), name + ".ppl");
        Assert.False(text.HasErrors, text.RenderDiagnostics());
        Assert.Equal(IrPrinter.Print(text.Ir!), IrPrinter.Print(ir));
    }

    /// <summary>Lines trimmed, blank lines dropped: indentation differs between the page and a method body.</summary>
    private static string Normalise(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
