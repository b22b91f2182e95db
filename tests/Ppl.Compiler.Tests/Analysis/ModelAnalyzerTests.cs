using Ppl.Compiler.Analysis;
using Ppl.Compiler.Tests.Planning;

namespace Ppl.Compiler.Tests.Analysis;

/// <summary>Latent classes and patterns on the DESIGN.md models.</summary>
public sealed class ModelAnalyzerTests
{
    private static ModelAnalysis Analyze(string name) => ModelAnalyzer.Analyze(GoldenPlanTests.Compile(name).Ir!);

    [Fact]
    public void The_coin_bias_is_a_global_continuous_conjugate_latent()
    {
        var theta = Analyze("coin").Latent("theta")!;

        Assert.Equal((LatentScope.Global, LatentDomain.Continuous, LatentRole.Unknown), (theta.Scope, theta.Domain, theta.Role));
        var link = Assert.Single(theta.Links);
        Assert.Equal(("p", OccurrenceKind.Direct, "Beta–Bernoulli"), (link.Parameter, link.Occurrence.Kind, link.Relation));
    }

    [Fact]
    public void The_gmm_indicator_is_a_local_discrete_mixture_index()
    {
        var analysis = Analyze("gmm");
        var z = analysis.Latent("z")!;

        Assert.Equal((LatentScope.Local, LatentDomain.Discrete), (z.Scope, z.Domain));
        Assert.All(z.Links, l => Assert.Equal(OccurrenceKind.Index, l.Occurrence.Kind));
        var mixture = Assert.Single(analysis.Mixtures);
        Assert.Equal("z", mixture.Indicator);
        Assert.Equal<string>(["x"], mixture.Components);
        Assert.Equal(3, analysis.Params.Length);
        Assert.Empty(analysis.LinearGaussians);
    }

    [Fact]
    public void The_ppca_latent_is_linear_Gaussian()
    {
        var analysis = Analyze("ppca");

        var pattern = Assert.Single(analysis.LinearGaussians);
        Assert.Equal("z", pattern.Latent);
        Assert.Equal(OccurrenceKind.Affine, Assert.Single(analysis.Latent("z")!.Links).Occurrence.Kind);
    }

    [Fact]
    public void Component_parameters_of_a_component_plate_are_global()
    {
        var analysis = Analyze("vb-gmm");

        Assert.Equal(LatentScope.Global, analysis.Latent("mu")!.Scope);
        Assert.Equal(LatentScope.Global, analysis.Latent("Lambda")!.Scope);
        Assert.Equal(LatentScope.Local, analysis.Latent("z")!.Scope);
        Assert.Equal("Wishart as MvNormal precision", Assert.Single(analysis.Latent("Lambda")!.Links).Relation);
    }

    [Fact]
    public void A_latent_nothing_reads_is_a_prediction()
    {
        var analysis = Analyze("blr");

        Assert.Equal(LatentRole.Predicted, analysis.Latent("y_new")!.Role);
        Assert.DoesNotContain(analysis.Unknowns, l => l.Name == "y_new");
        Assert.Equal(["alpha", "beta", "w"], analysis.Unknowns.Select(l => l.Name));
    }

    [Fact]
    public void Net_weights_with_a_prior_are_a_global_latent()
    {
        var analysis = Analyze("bbb");

        var f = Assert.Single(analysis.Latents);
        Assert.Equal((LatentRole.NetWeights, LatentScope.Global, false), (f.Role, f.Scope, f.IsConjugate));
        Assert.Single(analysis.Nets);
    }

    [Fact]
    public void A_non_exponential_family_prior_is_not_conjugate()
    {
        var tau = Analyze("eight-schools").Latent("tau")!;

        Assert.False(tau.IsConjugate);
        Assert.Equal("HalfCauchy is not an exponential family, so it has no conjugate update", tau.PriorProblem);
        Assert.Equal(OccurrenceKind.Affine, Assert.Single(tau.Links).Occurrence.Kind); // mu + tau * eta[j]
    }

    [Fact]
    public void Hierarchical_slopes_enter_the_mean_affinely_through_data()
    {
        var beta = Analyze("rats").Latent("beta")!;

        Assert.Equal(LatentScope.Local, beta.Scope);
        Assert.Equal(OccurrenceKind.Affine, Assert.Single(beta.Links).Occurrence.Kind);
        Assert.True(beta.IsConjugate);
    }
}
