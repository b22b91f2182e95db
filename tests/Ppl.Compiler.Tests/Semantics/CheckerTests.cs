using System.Collections.Immutable;
using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Tests.Semantics;

public sealed class CheckerTests
{
    [Fact]
    public void Shape_messages_show_values_when_data_sizes_are_bound()
    {
        const string model = "data X: real[N, D]\ndata y: real[N]\nparam W: real[D, 3]\ny ~ Normal(X @ W, 1)";
        var sizes = new SizeBindings(ImmutableDictionary<string, int>.Empty.Add("N", 100).Add("D", 5));
        var message = Assert.Single(CompileHelper.Messages(model, sizes));
        Assert.Equal("'y' has shape [N] = [100], but Normal(X @ W, ...) has shape [N, 3] = [100, 3]", message);
        Assert.Equal("'y' has shape [N], but Normal(X @ W, ...) has shape [N, 3]", Assert.Single(CompileHelper.Messages(model)));
    }

    [Fact]
    public void Sizes_are_bound_from_data_axes_and_consts()
    {
        var ir = CompileHelper.Clean("data x: real[N, D]\nconst K = 3\nparam Sigma: cov[K, D]\nplate n in N { x[n] ~ MvNormal(zeros(D), Sigma[0]) }");
        Assert.Equal(new SizeSymbol("N", "x", 0, null, ir.Sizes[0].Span), ir.Sizes[0]);
        Assert.Equal(("D", "x", 1), (ir.Sizes[1].Name, ir.Sizes[1].FromData, ir.Sizes[1].Axis));
        Assert.Equal(("K", (int?)3), (ir.Sizes[2].Name, ir.Sizes[2].Value));
        Assert.Equal(Shape.Of(Size.Named("K"), Size.Named("D"), Size.Named("D")), ir.Find("Sigma")!.Type.Shape);
    }

    [Fact]
    public void A_size_bound_by_data_can_be_used_above_the_data_declaration()
    {
        var ir = CompileHelper.Clean("w: real[D] ~ Normal(0, 1)\ndata X: real[N, D]\ndata y: real[N]\ny ~ Normal(X @ w, 1)");
        Assert.Equal(("D", "X", 1), (ir.Sizes.Single(s => s.Name == "D").Name, ir.Sizes.Single(s => s.Name == "D").FromData, ir.Sizes.Single(s => s.Name == "D").Axis));
    }

    [Theory]
    [InlineData("Normal(0, precision: t)", "precision")]
    [InlineData("Normal(0, var: t)", "var")]
    [InlineData("Normal(0, t)", "sd")]
    [InlineData("Normal(mean: 0, sd: t)", "sd")]
    public void Named_parameterisations_are_resolved_into_positional_order(string call, string parameterisation)
    {
        var ir = CompileHelper.Clean($"t ~ Gamma(1, 1)\nx ~ {call}");
        var x = ir.Nodes.OfType<RandomNode>().Single(n => n.Name == "x");
        Assert.Equal(parameterisation, x.Distribution.Parameterisation);
        Assert.Equal(0.0, Assert.IsType<IrConstant>(x.Distribution.Arguments[0]).Values[0]);
        Assert.Equal("t", Assert.IsType<IrRef>(x.Distribution.Arguments[1]).Name);
    }

    [Theory]
    [InlineData("data x: prob[N]\np ~ Beta(1, 1)\nplate n in N { x[n] ~ Bernoulli(p) }")]
    [InlineData("data x: bool[N]\nplate n in N { x[n] ~ Bernoulli(logits: 0.5) }")]
    [InlineData("data k: int[N]\nplate n in N { k[n] ~ Categorical([0.25, 0.75]) }")]
    [InlineData("data x: real[N]\nplate n in N { x[n] ~ Mixture([0.5, 0.5], Normal(0, 1), Normal(0, 0.0025)) }")]
    [InlineData("data x: int[N]\nplate n in N { x[n] ~ Binomial(10, 0.5) }")]
    [InlineData("data x: real[N]\nplate n in N { x[n] ~ Uniform(-1, 1) }")]
    [InlineData("data x: real[N]\ns ~ HalfNormal(1)\nplate n in N { x[n] ~ StudentT(3, 0, s) }")]
    public void Valid_supports_and_parameters_are_accepted(string model) => CompileHelper.Clean(model);

    [Theory]
    [InlineData("data x: real[N]\nplate n in N { x[n] ~ Uniform(1, 0) }", "Uniform's 'hi' (0) must exceed 1")]
    [InlineData("data x: int[N]\nplate n in N { x[n] ~ Bernoulli(1.5) }", "Bernoulli's 'p' must be a probability in [0, 1], but '1.5' is 1.5")]
    [InlineData("data k: int[N]\nplate n in N { k[n] ~ Categorical([0.5, 0.6]) }", "Categorical's 'p' must be a probability vector (simplex), but '[0.5, 0.6]' is real[2]")]
    [InlineData("param sigma: pos = -1\ny ~ Normal(0, sigma)", "param 'sigma' is pos, but its initial value '-1' is not positive")]
    [InlineData("net f = mlp(1 -> 2, dropout: 1.5)\ny ~ Normal(f([1.0])[0], 1)", "dropout must be a constant probability in [0, 1), not '1.5'")]
    [InlineData("x ~ Normal(0, 1)\nx2 ~ Normal(x, 1)\nlet z = x2[0]", "'x2' has 0 axes here (shape []), but 1 index is given")]
    public void Invalid_arguments_are_reported(string model, string message) =>
        Assert.Contains(message, CompileHelper.Messages(model));

    [Fact]
    public void Guide_latents_match_the_model_and_guide_names_are_its_own()
    {
        var ir = CompileHelper.Clean(
            "data y: real[J]\ntau ~ HalfCauchy(5)\nplate j in J { eta[j] ~ Normal(0, 1)\n y[j] ~ Normal(eta[j], tau) }\n"
            + "guide {\n param m: real\n param s: pos\n tau ~ LogNormal(m, s)\n plate j in J { eta[j] ~ Normal(0, 1) }\n}");
        Assert.NotNull(ir.Guide);
        Assert.Equal(["m", "s", "tau", "eta"], ir.Guide.Nodes.Select(n => n.Name));
        Assert.Equal(["j"], ir.Guide.Nodes[^1].Plates.AsEnumerable());
    }

    [Fact]
    public void Errors_do_not_cascade_from_an_unknown_name()
    {
        var messages = CompileHelper.Messages("data x: real[N]\nlet a = nope + 1\nlet b = a * 2\nplate n in N { x[n] ~ Normal(b, 1) }");
        Assert.Equal(["unknown name 'nope'"], messages);
    }
}
