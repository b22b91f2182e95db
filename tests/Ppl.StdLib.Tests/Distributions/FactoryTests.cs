using Ppl.StdLib.Distributions;

namespace Ppl.StdLib.Tests.Distributions;

public sealed class FactoryTests
{
    /// <summary>Valid positional arguments for every catalogue entry.</summary>
    private static readonly Dictionary<string, object[]> _arguments = new()
    {
        ["Normal"] = [0.5, 2.0],
        ["MvNormal"] = [new[] { 0.0, 1 }, new[] { 2, 0.5, 0.5, 1 }],
        ["Gamma"] = [2.0, 4.0],
        ["InverseGamma"] = [3.0, 2.0],
        ["Beta"] = [2.0, 3.0],
        ["Bernoulli"] = [0.25],
        ["Binomial"] = [10.0, 0.3],
        ["Categorical"] = [new[] { 0.2, 0.8 }],
        ["Multinomial"] = [5.0, new[] { 0.2, 0.8 }],
        ["Dirichlet"] = [new[] { 1.0, 2, 3 }],
        ["Poisson"] = [3.0],
        ["Exponential"] = [2.0],
        ["Uniform"] = [-1.0, 1.0],
        ["Laplace"] = [0.0, 1.0],
        ["StudentT"] = [3.0, 0.0, 1.0],
        ["HalfNormal"] = [1.0],
        ["HalfCauchy"] = [1.0],
        ["LogNormal"] = [0.0, 1.0],
        ["Wishart"] = [3.0, new[] { 1, 0.2, 0.2, 1 }],
        ["Mixture"] = [new[] { 0.5, 0.5 }, new Normal(0, 1), new Normal(3, 1)],
    };

    [Fact]
    public void Every_catalogue_entry_is_built_by_the_factory_with_its_own_name()
    {
        foreach (var spec in DistributionCatalog.All)
        {
            var d = DistributionFactory.Create(spec.Name, _arguments[spec.Name]);
            Assert.Equal(spec.Name, d.GetType().Name);
            Assert.Equal(spec.IsExponentialFamily,
                d.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExponentialFamily<,>)));
            Assert.Equal(spec.HasCdf, d is IContinuousDistribution);
        }
    }

    [Fact]
    public void Named_alternatives_apply_their_declared_conversion()
    {
        var bySd = (Normal)DistributionFactory.Create("Normal", [0.5, 2.0]);
        var byVar = (Normal)DistributionFactory.Create("Normal", [0.5], new Dictionary<string, object> { ["var"] = 4.0 });
        var byPrecision = (Normal)DistributionFactory.Create("Normal", [0.5], new Dictionary<string, object> { ["precision"] = 0.25 });
        var byName = (Normal)DistributionFactory.Create("Normal", [], new Dictionary<string, object> { ["sd"] = 2.0, ["mean"] = 0.5 });
        Assert.Equal(bySd.StandardDeviation, byVar.StandardDeviation, 15);
        Assert.Equal(bySd.StandardDeviation, byPrecision.StandardDeviation, 15);
        Assert.Equal(bySd.StandardDeviation, byName.StandardDeviation, 15);
        Assert.Equal(ParameterConversion.InverseSquareRoot, DistributionCatalog.All[0].FindParameter("precision")!.Conversion);

        var byScale = (Gamma)DistributionFactory.Create("Gamma", [2.0], new Dictionary<string, object> { ["scale"] = 0.25 });
        Assert.Equal(4, byScale.Rate, 15);
        var byLogits = (Bernoulli)DistributionFactory.Create("Bernoulli", [], new Dictionary<string, object> { ["logits"] = 0.0 });
        Assert.Equal(0.5, byLogits.Probability, 15);
        var softmax = (Categorical)DistributionFactory.Create("Categorical", [], new Dictionary<string, object> { ["logits"] = new[] { 0.0, Math.Log(3) } });
        Assert.Equal(0.75, softmax.Probabilities[1], 15);
        var mv = (MvNormal)DistributionFactory.Create("MvNormal", [new[] { 0.0, 0 }], new Dictionary<string, object> { ["precision"] = new[] { 4.0, 0, 0, 0.25 } });
        Assert.Equal([0.25, 0, 0, 4], mv.Covariance.ToArray().Select(v => Math.Round(v, 14)));
    }

    [Fact]
    public void Arity_and_naming_errors_name_the_distribution()
    {
        Assert.Contains("did you mean 'Normal'", Assert.Throws<ArgumentException>(() => DistributionFactory.Create("Nromal", [0.0, 1.0])).Message,
            StringComparison.Ordinal);
        Assert.Contains("Normal takes 2 arguments, got 3",
            Assert.Throws<ArgumentException>(() => DistributionFactory.Create("Normal", [0.0, 1.0, 2.0])).Message, StringComparison.Ordinal);
        Assert.Contains("missing argument 'sd'",
            Assert.Throws<ArgumentException>(() => DistributionFactory.Create("Normal", [0.0])).Message, StringComparison.Ordinal);
        Assert.Contains("give only one of",
            Assert.Throws<ArgumentException>(() => DistributionFactory.Create("Normal", [0.0],
                new Dictionary<string, object> { ["var"] = 1.0, ["precision"] = 1.0 })).Message, StringComparison.Ordinal);
        Assert.Contains("no parameter 'rate'",
            Assert.Throws<ArgumentException>(() => DistributionFactory.Create("Normal", [0.0],
                new Dictionary<string, object> { ["rate"] = 1.0 })).Message, StringComparison.Ordinal);
        Assert.Contains("given twice",
            Assert.Throws<ArgumentException>(() => DistributionFactory.Create("Normal", [0.0, 1.0],
                new Dictionary<string, object> { ["precision"] = 1.0 })).Message, StringComparison.Ordinal);
        Assert.Equal("Binomial: n must be an integer, got 2.5",
            Assert.Throws<DistributionParameterException>(() => DistributionFactory.Create("Binomial", [2.5, 0.5])).Message.Split(" (")[0]);
        Assert.Equal("Normal: precision must be positive, got -1",
            Assert.Throws<DistributionParameterException>(() => DistributionFactory.Create("Normal", [0.0],
                new Dictionary<string, object> { ["precision"] = -1.0 })).Message.Split(" (")[0]);
    }
}
