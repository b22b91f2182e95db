using Ppl.StdLib.Distributions;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// Each conjugate update against Bayes' rule itself: log posterior(θ) − log prior(θ) − log likelihood(θ) must be
/// the same constant (−log evidence) at every θ. The likelihood is summed point by point through the
/// likelihood family's own log-density, independently of the update formula.
/// </summary>
public sealed class ConjugateTests
{
    private static void ConstantDifference(string what, IEnumerable<double> differences)
    {
        var d = differences.ToArray();
        Assert.All(d, v => Assert.True(double.IsFinite(v), $"{what}: non-finite log-density"));
        for (var i = 1; i < d.Length; i++)
        {
            Assert.True(Math.Abs(d[i] - d[0]) <= 1e-9 * Math.Max(1, Math.Abs(d[0])),
                $"{what}: log posterior − log prior − log likelihood varies: {d[0]:R} vs {d[i]:R}");
        }
    }

    private static readonly double[] _flips = [1, 0, 1, 1, 0, 1, 1, 1];

    [Fact]
    public void Beta_Bernoulli_and_Binomial()
    {
        var prior = new Beta(2, 3);
        var successes = _flips.Sum();
        var posterior = Beta.Posterior(prior, successes, _flips.Length - successes);
        ConstantDifference("Beta-Bernoulli", new[] { 0.1, 0.35, 0.5, 0.8, 0.97 }.Select(t =>
            posterior.LogDensity(t) - prior.LogDensity(t) - _flips.Sum(x => new Bernoulli(t).LogDensity(x))));
        // Binomial counts (7 of 10, 2 of 5): the binomial coefficients are part of the constant.
        var binomial = Beta.Posterior(prior, 9, 6);
        ConstantDifference("Beta-Binomial", new[] { 0.1, 0.35, 0.5, 0.8 }.Select(t =>
            binomial.LogDensity(t) - prior.LogDensity(t) - new Binomial(10, t).LogDensity(7) - new Binomial(5, t).LogDensity(2)));
    }

    [Fact]
    public void Gamma_Poisson_Exponential_and_Normal_precision()
    {
        var prior = new Gamma(2, 1.5);
        double[] counts = [3, 0, 2, 5, 1];
        var poisson = Gamma.PosteriorOfPoissonRate(prior, counts.Sum(), counts.Length);
        ConstantDifference("Gamma-Poisson", new[] { 0.3, 1, 2.2, 4 }.Select(r =>
            poisson.LogDensity(r) - prior.LogDensity(r) - counts.Sum(k => new Poisson(r).LogDensity(k))));

        double[] waits = [0.2, 1.3, 0.7, 2.1];
        var exponential = Gamma.PosteriorOfExponentialRate(prior, waits.Sum(), waits.Length);
        ConstantDifference("Gamma-Exponential", new[] { 0.3, 1, 2.2, 4 }.Select(r =>
            exponential.LogDensity(r) - prior.LogDensity(r) - waits.Sum(x => new Exponential(r).LogDensity(x))));

        double[] y = [0.4, -1.2, 2.0, 0.9, 0.1];
        const double mu = 0.3;
        var precision = Gamma.PosteriorOfNormalPrecision(prior, y.Sum(v => (v - mu) * (v - mu)), y.Length);
        ConstantDifference("Gamma-Normal precision", new[] { 0.3, 1, 2.2, 4 }.Select(tau =>
            precision.LogDensity(tau) - prior.LogDensity(tau) - y.Sum(v => Normal.FromPrecision(mu, tau).LogDensity(v))));

        var inversePrior = new InverseGamma(3, 2);
        var variance = InverseGamma.PosteriorOfNormalVariance(inversePrior, y.Sum(v => (v - mu) * (v - mu)), y.Length);
        ConstantDifference("InverseGamma-Normal variance", new[] { 0.3, 1, 2.2, 4 }.Select(s2 =>
            variance.LogDensity(s2) - inversePrior.LogDensity(s2) - y.Sum(v => Normal.FromVariance(mu, s2).LogDensity(v))));
    }

    [Fact]
    public void Normal_mean_with_known_precision()
    {
        var prior = new Normal(1, 2);
        double[] y = [0.4, -1.2, 2.0, 0.9, 0.1];
        const double tau = 2.5;
        var posterior = Normal.PosteriorOfMean(prior, y.Sum(), y.Length, tau);
        ConstantDifference("Normal-Normal", new[] { -1.0, 0, 0.4, 2 }.Select(m =>
            posterior.LogDensity(m) - prior.LogDensity(m) - y.Sum(v => Normal.FromPrecision(m, tau).LogDensity(v))));
    }

    [Fact]
    public void Normal_gamma_for_unknown_mean_and_precision()
    {
        var prior = new NormalGamma(0.5, 2, 3, 1.5);
        double[] y = [0.4, -1.2, 2.0, 0.9, 0.1, 1.4];
        var posterior = NormalGamma.Posterior(prior, y.Sum(), y.Sum(v => v * v), y.Length);
        var grid = from m in new[] { -0.5, 0.2, 1.1 } from t in new[] { 0.4, 1.0, 2.7 } select new MeanAndPrecision(m, t);
        ConstantDifference("NormalGamma-Normal", grid.Select(g =>
            posterior.LogDensity(g) - prior.LogDensity(g) - y.Sum(v => Normal.FromPrecision(g.Mean, g.Precision).LogDensity(v))));
    }

    [Fact]
    public void MvNormal_mean_and_Wishart_precision()
    {
        var prior = new MvNormal([0, 1], [2, 0.5, 0.5, 1]);
        double[] noisePrecision = [3, -1, -1, 2];
        double[][] x = [[0.2, 1.1], [1.5, 0.3], [-0.4, 0.9]];
        double[] sum = [x.Sum(r => r[0]), x.Sum(r => r[1])];
        var posterior = MvNormal.PosteriorOfMean(prior, sum, x.Length, noisePrecision);
        double[][] means = [[0, 0], [1, -1], [0.3, 0.8], [-2, 2]];
        ConstantDifference("MvNormal-MvNormal mean", means.Select(m =>
            posterior.LogDensity(m) - prior.LogDensity(m) - x.Sum(r => MvNormal.FromPrecision(m, noisePrecision).LogDensity(r))));

        var wishartPrior = new Wishart(4, [1, 0.2, 0.2, 0.5]);
        double[] mu = [0.1, 0.7];
        var scatter = new double[4];
        foreach (var r in x)
        {
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 2; j++)
                {
                    scatter[i * 2 + j] += (r[i] - mu[i]) * (r[j] - mu[j]);
                }
            }
        }
        var wishart = Wishart.PosteriorOfPrecision(wishartPrior, scatter, x.Length);
        double[][] precisions = [[1, 0, 0, 1], [3, -1, -1, 2], [0.5, 0.2, 0.2, 4]];
        ConstantDifference("Wishart-MvNormal precision", precisions.Select(l =>
            wishart.LogDensity(l) - wishartPrior.LogDensity(l) - x.Sum(r => MvNormal.FromPrecision(mu, l).LogDensity(r))));
    }

    [Fact]
    public void Dirichlet_categorical_and_multinomial()
    {
        var prior = new Dirichlet([1.5, 2, 0.7]);
        int[] z = [0, 2, 2, 1, 2, 0, 2];
        var counts = new double[3];
        foreach (var k in z)
        {
            counts[k]++;
        }
        var posterior = Dirichlet.Posterior(prior, counts);
        double[][] points = [[0.2, 0.3, 0.5], [0.6, 0.1, 0.3], [0.05, 0.05, 0.9]];
        ConstantDifference("Dirichlet-Categorical", points.Select(p =>
            posterior.LogDensity(p) - prior.LogDensity(p) - z.Sum(k => new Categorical(p).LogDensity(k))));
        ConstantDifference("Dirichlet-Multinomial", points.Select(p =>
            posterior.LogDensity(p) - prior.LogDensity(p) - new Multinomial(z.Length, p).LogDensity([2, 1, 4])));
    }

    [Fact]
    public void Products_of_densities_add_natural_parameters()
    {
        var a = new Normal(1, 2);
        var b = new Normal(-0.5, 0.7);
        ConstantDifference("Normal * Normal", new[] { -2.0, 0, 1, 3 }.Select(x => (a * b).LogDensity(x) - a.LogDensity(x) - b.LogDensity(x)));
        var g = new Gamma(2, 1);
        var h = new Gamma(3.5, 0.5);
        ConstantDifference("Gamma * Gamma", new[] { 0.1, 1, 3 }.Select(x => (g * h).LogDensity(x) - g.LogDensity(x) - h.LogDensity(x)));
        var c = new Beta(2, 3);
        var e = new Beta(1.5, 0.8);
        ConstantDifference("Beta * Beta", new[] { 0.1, 0.5, 0.9 }.Select(x => (c * e).LogDensity(x) - c.LogDensity(x) - e.LogDensity(x)));
        var p = new Dirichlet([1, 2, 3]);
        var q = new Dirichlet([2, 0.5, 1]);
        double[][] points = [[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]];
        ConstantDifference("Dirichlet * Dirichlet", points.Select(x => (p * q).LogDensity(x) - p.LogDensity(x) - q.LogDensity(x)));
        var m = new MvNormal([0, 1], [2, 0.5, 0.5, 1]);
        var n = new MvNormal([1, -1], [1, -0.3, -0.3, 3]);
        double[][] xs = [[0, 0], [1, 2], [-1, 0.5]];
        ConstantDifference("MvNormal * MvNormal", xs.Select(x => (m * n).LogDensity(x) - m.LogDensity(x) - n.LogDensity(x)));
    }

    [Fact]
    public void Normal_gamma_marginals_integrate_the_joint()
    {
        // p(μ) = ∫ p(μ, τ) dτ by the trapezoid rule on a fine grid in log τ, against the StudentT marginal.
        var d = new NormalGamma(0.5, 2, 3, 1.5);
        foreach (var mu in new[] { -1.0, 0.5, 2.0 })
        {
            var integral = 0.0;
            const double step = 0.001;
            for (var u = -12.0; u <= 6; u += step)
            {
                var tau = Math.Exp(u);
                integral += Math.Exp(d.LogDensity(new MeanAndPrecision(mu, tau))) * tau * step;
            }
            Assert.Equal(Math.Exp(d.MeanMarginal.LogDensity(mu)), integral, 6);
        }
    }
}
