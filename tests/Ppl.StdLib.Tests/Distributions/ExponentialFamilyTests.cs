using Ppl.StdLib.Distributions;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>
/// The exponential-family view of every family that has one: log p(x) = log h(x) + ηᵀT(x) − A(η) at
/// points; natural-parameter round trips; ∇A(η) = E[T] by central differences; E[T] against Monte Carlo.
/// </summary>
public sealed class ExponentialFamilyTests
{
    /// <summary>One family under test, seen through delegates so that span-valued variates fit too.</summary>
    internal sealed record Case(
        string Name,
        double[] Eta,
        double LogNormaliser,
        double[] ExpectedT,
        Func<double[], double> LogNormaliserAt,
        Func<double[], double[]> RoundTrip,
        (double LogDensity, double LogBase, double[] T)[] Points,
        Func<RandomSource, double[]> DrawT,
        int[][] SymmetricGroups);

    private static (double, double, double[])[] At<TSelf>(IExponentialFamily<TSelf, double> d, params double[] xs)
        where TSelf : IExponentialFamily<TSelf, double> =>
        xs.Select(x => (d.LogDensity(x), d.LogBaseMeasure(x), d.SufficientStatistics(x))).ToArray();

    private static Case Univariate<TSelf>(string name, TSelf d, Func<RandomSource, double> sample, params double[] xs)
        where TSelf : IExponentialFamily<TSelf, double> =>
        new(name, d.NaturalParameters, d.LogNormaliser, d.ExpectedSufficientStatistics,
            eta => d.WithNaturalParameters(eta).LogNormaliser, eta => d.WithNaturalParameters(eta).NaturalParameters,
            At(d, xs), r => d.SufficientStatistics(sample(r)), []);

    /// <summary>Index groups of a flattened D×D block starting at <paramref name="offset"/> that must move together
    /// to keep the matrix symmetric.</summary>
    private static int[][] Symmetric(int offset, int d) =>
        (from i in Enumerable.Range(0, d) from j in Enumerable.Range(0, d) where j >= i
         select i == j ? new[] { offset + i * d + i } : new[] { offset + i * d + j, offset + j * d + i }).ToArray();

    private static IEnumerable<Case> AllCases()
    {
        var normal = new Normal(1.5, 0.7);
        yield return Univariate("Normal", normal, normal.Sample, -1, 0.3, 2);
        var gamma = new Gamma(2.5, 0.5);
        yield return Univariate("Gamma", gamma, gamma.Sample, 0.1, 1, 7);
        var inverseGamma = new InverseGamma(3.5, 2);
        yield return Univariate("InverseGamma", inverseGamma, inverseGamma.Sample, 0.1, 1, 4);
        var beta = new Beta(2, 5);
        yield return Univariate("Beta", beta, beta.Sample, 0.01, 0.3, 0.9);
        var exponential = new Exponential(2);
        yield return Univariate("Exponential", exponential, exponential.Sample, 0, 0.5, 3);
        var logNormal = new LogNormal(1, 0.25);
        yield return Univariate("LogNormal", logNormal, logNormal.Sample, 0.5, 2.7, 5);
        var bernoulli = new Bernoulli(0.3);
        yield return Univariate("Bernoulli", bernoulli, bernoulli.Sample, 0, 1);
        var binomial = new Binomial(10, 0.3);
        yield return Univariate("Binomial", binomial, binomial.Sample, 0, 3, 10);
        var poisson = new Poisson(3);
        yield return Univariate("Poisson", poisson, poisson.Sample, 0, 3, 10);

        var categorical = new Categorical([0.2, 0.3, 0.5]);
        yield return new("Categorical", categorical.NaturalParameters, categorical.LogNormaliser, categorical.ExpectedSufficientStatistics,
            eta => SpecialFunctions.LogSumExp(eta), eta => categorical.WithNaturalParameters(eta).NaturalParameters,
            [.. new[] { 0, 1, 2 }.Select(k => (categorical.LogDensity(k), categorical.LogBaseMeasure(k), categorical.SufficientStatistics(k)))],
            r => categorical.SufficientStatistics(categorical.Sample(r)), []);

        var multinomial = new Multinomial(5, [0.2, 0.3, 0.5]);
        int[][] counts = [[1, 1, 3], [5, 0, 0]];
        yield return new("Multinomial", multinomial.NaturalParameters, multinomial.LogNormaliser, multinomial.ExpectedSufficientStatistics,
            eta => 5 * SpecialFunctions.LogSumExp(eta), eta => multinomial.WithNaturalParameters(eta).NaturalParameters,
            [.. counts.Select(c => (multinomial.LogDensity(c), multinomial.LogBaseMeasure(c), multinomial.SufficientStatistics(c)))],
            r => multinomial.SufficientStatistics(multinomial.Sample(r)), []);

        var dirichlet = new Dirichlet([0.5, 2, 7, 1]);
        double[][] proportions = [[0.1, 0.2, 0.6, 0.1], [0.25, 0.25, 0.25, 0.25]];
        yield return new("Dirichlet", dirichlet.NaturalParameters, dirichlet.LogNormaliser, dirichlet.ExpectedSufficientStatistics,
            eta => dirichlet.WithNaturalParameters(eta).LogNormaliser, eta => dirichlet.WithNaturalParameters(eta).NaturalParameters,
            [.. proportions.Select(x => (dirichlet.LogDensity(x), dirichlet.LogBaseMeasure(x), dirichlet.SufficientStatistics(x)))],
            r => dirichlet.SufficientStatistics(dirichlet.Sample(r)), []);

        var mv = new MvNormal([1, -1, 0.5], [2, 0.3, 0.1, 0.3, 1, -0.2, 0.1, -0.2, 0.5]);
        double[][] vectors = [[1, -1, 0.5], [0, 0, 0], [3, 1, -1]];
        yield return new("MvNormal", mv.NaturalParameters, mv.LogNormaliser, mv.ExpectedSufficientStatistics,
            eta => MvNormal.FromNaturalParameters(eta).LogNormaliser, eta => MvNormal.FromNaturalParameters(eta).NaturalParameters,
            [.. vectors.Select(x => (mv.LogDensity(x), mv.LogBaseMeasure(x), mv.SufficientStatistics(x)))],
            r => mv.SufficientStatistics(mv.Sample(r)), [.. Enumerable.Range(0, 3).Select(i => new[] { i }), .. Symmetric(3, 3)]);

        var wishart = new Wishart(5.5, [2, 0.5, 0.5, 1]);
        double[][] matrices = [[10, 2, 2, 6], [1, 0.2, 0.2, 2]];
        yield return new("Wishart", wishart.NaturalParameters, wishart.LogNormaliser, wishart.ExpectedSufficientStatistics,
            eta => Wishart.FromNaturalParameters(eta).LogNormaliser, eta => Wishart.FromNaturalParameters(eta).NaturalParameters,
            [.. matrices.Select(x => (wishart.LogDensity(x), wishart.LogBaseMeasure(x), wishart.SufficientStatistics(x)))],
            r => wishart.SufficientStatistics(wishart.Sample(r)), [[0], .. Symmetric(1, 2)]);

        var normalGamma = new NormalGamma(0.5, 2, 3, 1.5);
        MeanAndPrecision[] pairs = [new(0, 1), new(1.2, 0.3), new(-0.7, 2.5)];
        yield return new("NormalGamma", normalGamma.NaturalParameters, normalGamma.LogNormaliser, normalGamma.ExpectedSufficientStatistics,
            eta => normalGamma.WithNaturalParameters(eta).LogNormaliser, eta => normalGamma.WithNaturalParameters(eta).NaturalParameters,
            [.. pairs.Select(x => (normalGamma.LogDensity(x), normalGamma.LogBaseMeasure(x), normalGamma.SufficientStatistics(x)))],
            r => normalGamma.SufficientStatistics(normalGamma.Sample(r)), []);
    }

    public static TheoryData<string> Names() => [.. AllCases().Select(c => c.Name)];

    private static Case Get(string name) => AllCases().Single(c => c.Name == name);

    [Theory]
    [MemberData(nameof(Names))]
    public void Log_density_decomposes_into_base_measure_natural_parameters_and_log_normaliser(string name)
    {
        var c = Get(name);
        foreach (var (logDensity, logBase, t) in c.Points)
        {
            Assert.Equal(c.Eta.Length, t.Length);
            var dot = c.Eta.Zip(t, (e, x) => e * x).Sum();
            FixtureTests.Close(logDensity, logBase + dot - c.LogNormaliser, $"{name}: log h + ηᵀT − A", 1e-11);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Natural_parameters_round_trip(string name)
    {
        var c = Get(name);
        var back = c.RoundTrip(c.Eta);
        Assert.Equal(c.Eta.Length, back.Length);
        for (var i = 0; i < back.Length; i++)
        {
            FixtureTests.Close(c.Eta[i], back[i], $"{name} η[{i}]", 1e-11);
        }
        FixtureTests.Close(c.LogNormaliser, c.LogNormaliserAt(c.Eta), $"{name} A(η)", 1e-11);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_of_the_log_normaliser_is_the_expected_sufficient_statistic(string name)
    {
        var c = Get(name);
        var groups = c.SymmetricGroups.Length > 0 ? c.SymmetricGroups : Enumerable.Range(0, c.Eta.Length).Select(i => new[] { i }).ToArray();
        foreach (var group in groups)
        {
            double At(double h)
            {
                var eta = (double[])c.Eta.Clone();
                foreach (var i in group)
                {
                    eta[i] += h;
                }
                return c.LogNormaliserAt(eta);
            }
            var step = 1e-4 * Math.Max(0.1, Math.Abs(c.Eta[group[0]]));
            var coarse = (At(step) - At(-step)) / (2 * step);
            var fine = (At(step / 2) - At(-step / 2)) / step;
            var numeric = (4 * fine - coarse) / 3;
            var expected = group.Sum(i => c.ExpectedT[i]);
            Assert.True(Math.Abs(numeric - expected) <= 1e-7 * Math.Max(1, Math.Abs(expected)),
                $"{name}: ∂A/∂η{string.Join("+", group)} = {numeric:R} numerically, E[T] = {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Expected_sufficient_statistics_match_monte_carlo(string name)
    {
        var c = Get(name);
        var random = new RandomSource(99);
        SamplingTests.CheckMean($"{name} E[T]", () => c.DrawT(random), c.ExpectedT, null, 20_000);
    }
}
