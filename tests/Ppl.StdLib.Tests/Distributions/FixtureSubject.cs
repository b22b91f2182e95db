using System.Text.Json;
using Ppl.StdLib.Distributions;
using static Ppl.StdLib.Tests.Distributions.DistributionFixture;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// One fixture case's distribution built through the public API, with the quantities the fixture holds
/// exposed uniformly (vectors and matrices flattened row-major; null where the family has no such value).
/// </summary>
internal sealed record FixtureSubject(
    object Distribution,
    Func<JsonElement, double> LogDensity,
    double[]? Mean,
    double[]? Variance,
    double? Entropy,
    Func<double, double>? Cdf,
    double[]? Covariance)
{
    public static FixtureSubject Build(string name, JsonElement p)
    {
        switch (name)
        {
            case "Normal": return Univariate(new Normal(Scalar(p, "mean"), Scalar(p, "sd")));
            case "Gamma": return Univariate(new Gamma(Scalar(p, "shape"), Scalar(p, "rate")));
            case "InverseGamma": return Univariate(new InverseGamma(Scalar(p, "shape"), Scalar(p, "scale")));
            case "Beta": return Univariate(new Beta(Scalar(p, "a"), Scalar(p, "b")));
            case "Bernoulli": return Univariate(new Bernoulli(Scalar(p, "p")));
            case "Binomial": return Univariate(new Binomial((int)Scalar(p, "n"), Scalar(p, "p")));
            case "Poisson": return Univariate(new Poisson(Scalar(p, "rate")));
            case "Exponential": return Univariate(new Exponential(Scalar(p, "rate")));
            case "Uniform": return Univariate(new Uniform(Scalar(p, "lo"), Scalar(p, "hi")));
            case "Laplace": return Univariate(new Laplace(Scalar(p, "loc"), Scalar(p, "scale")));
            case "StudentT": return Univariate(new StudentT(Scalar(p, "nu"), Scalar(p, "loc"), Scalar(p, "scale")));
            case "HalfNormal": return Univariate(new HalfNormal(Scalar(p, "sd")));
            case "HalfCauchy": return Univariate(new HalfCauchy(Scalar(p, "scale")));
            case "LogNormal": return Univariate(new LogNormal(Scalar(p, "mu"), Scalar(p, "sigma")));
            case "Categorical":
            {
                var d = new Categorical(Vector(p, "p"));
                return new(d, x => d.LogDensity(x.GetInt32()), null, null, d.Entropy, null, null);
            }
            case "Multinomial":
            {
                var d = new Multinomial((int)Scalar(p, "n"), Vector(p, "p"));
                return new(d, x => d.LogDensity(Flatten(x).Select(v => (int)v).ToArray()), d.Mean, null, null, null, d.Covariance);
            }
            case "Dirichlet":
            {
                var d = new Dirichlet(Vector(p, "alpha"));
                return new(d, x => d.LogDensity(Flatten(x)), d.Mean, d.Variance, d.Entropy, null, null);
            }
            case "MvNormal":
            {
                var d = new MvNormal(Vector(p, "mean"), Vector(p, "cov"));
                return new(d, x => d.LogDensity(Flatten(x)), d.Mean.ToArray(), null, d.Entropy, null, d.Covariance.ToArray());
            }
            case "Wishart":
            {
                var d = new Wishart(Scalar(p, "dof"), Vector(p, "scale"));
                return new(d, x => d.LogDensity(Flatten(x)), d.Mean, null, d.Entropy, null, null);
            }
            default:
                throw new InvalidDataException($"The fixture has a distribution the tests do not know: {name}");
        }
    }

    private static FixtureSubject Univariate(IUnivariateDistribution d) =>
        new(d, x => d.LogDensity(Number(x)), [d.Mean], [d.Variance], d.Entropy,
            d is IContinuousDistribution c ? c.Cdf : null, null);
}
