using System.Text.RegularExpressions;
using Ppl.StdLib.Distributions;

namespace Ppl.StdLib.Tests.Distributions;

public sealed partial class CatalogTests
{
    [GeneratedRegex(@"`([A-Za-z]+\([^`]*\))`")]
    private static partial Regex Signature();

    /// <summary>The distributions paragraph of ../shared/DESIGN.md, each signature in backticks.</summary>
    private static string[] DesignSignatures()
    {
        var design = File.ReadAllText(Path.Combine(Path.GetDirectoryName(DistributionFixture.FindPath())!, "..", "DESIGN.md"));
        var start = design.IndexOf("Distributions (positional parameters first", StringComparison.Ordinal);
        Assert.True(start >= 0, "DESIGN.md no longer has its distributions paragraph");
        var end = design.IndexOf("\n\n", start, StringComparison.Ordinal);
        var paragraph = design[start..end].Replace("\n", " ", StringComparison.Ordinal);
        return Signature().Matches(paragraph).Select(m => m.Groups[1].Value).ToArray();
    }

    [Fact]
    public void The_catalogue_is_exactly_the_list_in_design_md()
    {
        var design = DesignSignatures();
        Assert.Equal(20, design.Length);
        Assert.Equal(design, DistributionCatalog.All.Select(s => s.Signature).ToArray());
    }

    [Theory]
    [InlineData("Normal", 2, "sd", "precision")]
    [InlineData("Gamma", 2, "rate", "scale")]
    [InlineData("Bernoulli", 1, "p", "logits")]
    [InlineData("MvNormal", 2, "cov", "precision")]
    public void Named_alternatives_replace_a_positional_parameter(string name, int arity, string replaced, string alternative)
    {
        Assert.True(DistributionCatalog.TryGet(name, out var spec));
        Assert.Equal(arity, spec.Arity);
        var a = spec.FindParameter(alternative);
        Assert.NotNull(a);
        Assert.True(a.IsAlternative);
        Assert.Equal(replaced, a.Replaces);
        Assert.NotNull(spec.FindParameter(replaced));
    }

    [Fact]
    public void Unknown_names_are_not_found_and_get_suggestions()
    {
        Assert.False(DistributionCatalog.TryGet("Nromal", out _));
        Assert.False(DistributionCatalog.TryGet("normal", out _));
        Assert.Equal(["Normal"], DistributionCatalog.Suggest("Nromal"));
        Assert.Equal("Normal", DistributionCatalog.Suggest("normal")[0]);
        Assert.Equal("Dirichlet", DistributionCatalog.Suggest("Dirichelt")[0]);
        Assert.Contains("Poisson", DistributionCatalog.Suggest("Poison"));
        Assert.Empty(DistributionCatalog.Suggest("Banana"));
    }

    [Theory]
    [InlineData("Normal", "Normal", 0)]
    [InlineData("Nromal", "Normal", 1)]
    [InlineData("Gama", "Gamma", 1)]
    [InlineData("Beta", "Delta", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("Wishart", "Wisharts", 1)]
    public void Edit_distance_counts_single_edits_and_transpositions(string a, string b, int expected) =>
        Assert.Equal(expected, DistributionCatalog.EditDistance(a, b));

    [Fact]
    public void Capabilities_follow_from_the_declared_facts()
    {
        var specs = DistributionCatalog.All.ToDictionary(s => s.Name);
        foreach (var discrete in new[] { "Bernoulli", "Binomial", "Categorical", "Multinomial", "Poisson" })
        {
            Assert.True(specs[discrete].IsDiscrete, discrete);
            Assert.False(specs[discrete].HasReparameterisedSample, discrete);
            Assert.Empty(specs[discrete].ReparameterisedParameters);
            Assert.False(specs[discrete].HasCdf, discrete);
        }
        foreach (var implicitFamily in new[] { "Gamma", "Beta", "Dirichlet" })
        {
            Assert.Equal(Reparameterisation.Implicit, specs[implicitFamily].Reparameterisation);
        }
        Assert.Equal(["loc", "scale"], specs["StudentT"].ReparameterisedParameters.Select(p => p.Name));
        Assert.Equal(["mean", "sd", "var", "precision"], specs["Normal"].ReparameterisedParameters.Select(p => p.Name));
        Assert.True(specs["Mixture"].IsVariadic);
        Assert.Equal(EventRank.Matrix, specs["Wishart"].SupportRank);
        Assert.Equal(Domain.PositiveDefinite, specs["Wishart"].Support);
        Assert.Equal(Domain.Simplex, specs["Dirichlet"].Support);
        Assert.Equal(Domain.CategoryIndex, specs["Categorical"].Support);
        Assert.All(DistributionCatalog.All, s => Assert.False(string.IsNullOrWhiteSpace(s.ReparameterisationNote)));
        Assert.All(DistributionCatalog.All.Where(s => s.HasCdf), s => Assert.Equal(EventRank.Scalar, s.SupportRank));
    }

    [Fact]
    public void Supports_map_to_constraints_whose_bijections_svi_can_use()
    {
        foreach (var spec in DistributionCatalog.All.Where(s => !s.IsDiscrete && s.Name is not ("Uniform" or "Mixture")))
        {
            var constraint = DomainConstraints.Of(spec.Support);
            Assert.NotNull(constraint);
            Assert.NotNull(constraint.Bijection);
            Assert.True(constraint.EventRank == 0 || constraint.EventRank == (int)spec.SupportRank, spec.Name);
        }
        Assert.Null(DomainConstraints.Of(Domain.Interval));
        var uniform = DomainConstraints.Of(Domain.Interval, -2, 3);
        Assert.NotNull(uniform);
        Assert.True(uniform.Check(2.5));
        Assert.False(uniform.Check(3.5));
        Assert.True(DomainConstraints.Of(Domain.CategoryIndex)!.IsDiscrete);
        // Every sample of a family lies in its declared support.
        var random = new Ppl.Tensors.Random.RandomSource(3);
        Assert.True(DomainConstraints.Of(Domain.Simplex)!.Check(new Dirichlet([0.5, 2, 1]).Sample(random)));
        Assert.True(DomainConstraints.Of(Domain.PositiveDefinite)!.Check(new Wishart(3, [1, 0.2, 0.2, 1]).Sample(random)));
        Assert.True(DomainConstraints.Of(Domain.Positive)!.Check(new Gamma(0.1, 1).Sample(random)));
    }

    [Fact]
    public void Every_declared_positive_parameter_is_rejected_by_the_implementation_under_its_own_name()
    {
        // For each family with scalar positive parameters, build it with that parameter set to −1 and the
        // others valid: the exception must name the family and the catalogue's parameter.
        foreach (var spec in DistributionCatalog.All)
        {
            foreach (var parameter in spec.Parameters.Concat(spec.Alternatives)
                         .Where(p => p.Domain == Domain.Positive && p.Rank == EventRank.Scalar))
            {
                var e = Assert.Throws<DistributionParameterException>(() => Factories.Build(spec.Name, parameter.Name, -1));
                Assert.Equal(spec.Name, e.Distribution);
                Assert.Equal(parameter.Name, e.Parameter);
                Assert.StartsWith($"{spec.Name}: {parameter.Name} must be positive, got -1", e.Message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Builds a family by catalogue name with one named parameter overridden.</summary>
    private static class Factories
    {
        public static object Build(string name, string parameter, double value)
        {
            double V(string p, double otherwise) => p == parameter ? value : otherwise;
            return name switch
            {
                "Normal" => parameter switch
                {
                    "var" => Normal.FromVariance(0, value),
                    "precision" => Normal.FromPrecision(0, value),
                    _ => new Normal(0, V("sd", 1)),
                },
                "Gamma" => parameter == "scale" ? Gamma.FromScale(1, value) : new Gamma(V("shape", 1), V("rate", 1)),
                "InverseGamma" => new InverseGamma(V("shape", 1), V("scale", 1)),
                "Beta" => new Beta(V("a", 1), V("b", 1)),
                "Poisson" => new Poisson(V("rate", 1)),
                "Exponential" => new Exponential(V("rate", 1)),
                "Laplace" => new Laplace(0, V("scale", 1)),
                "StudentT" => new StudentT(V("nu", 1), 0, V("scale", 1)),
                "HalfNormal" => new HalfNormal(V("sd", 1)),
                "HalfCauchy" => new HalfCauchy(V("scale", 1)),
                "LogNormal" => new LogNormal(0, V("sigma", 1)),
                "Dirichlet" => new Dirichlet([1, value]),
                _ => throw new InvalidOperationException($"no factory for {name}.{parameter}"),
            };
        }
    }
}
