using Ppl.Inference.Svi;
using Ppl.StdLib.Distributions;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// Observed vector sites (MvNormal by covariance and by precision, Dirichlet) scored by the SVI program through
/// StdLib's tensor definitions: with a delta guide the ELBO is log p(x, z) at the guide's point, which must
/// equal the double path (each family's own LogDensity) summed over the plate.
/// </summary>
public sealed class VectorDensityTests
{
    private static readonly double[] Y = [0.3, -1.1, 1.4, 0.2, -0.5, 0.9, 2.0, -0.3];
    private static readonly double[] S = [1.5, 0.4, 0.4, 0.8];
    private static readonly double[] Mu = [0.25, -0.4];

    private static double Elbo(string model, IEnumerable<Ppl.StdLib.Data.DataArray> data, double[] loc)
    {
        var request = SviPipeline.Request(model, data);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "delta", new RandomSource(1));
        loc.CopyTo(program.Trainable[0].AsDoubleSpan());
        return program.Run(program.Frame([], 1, 1), new RandomSource(2)).Elbo.Item();
    }

    [Theory]
    [InlineData("cov")]
    [InlineData("precision")]
    public void MvNormal_observations_score_as_the_double_path(string form)
    {
        var argument = form == "cov" ? "S" : "precision: S";
        var model = $$"""
            data y: real[N, D]
            data S: cov[D]
            mu: real[D] ~ Normal(0, 1)
            plate n in N {
              y[n] ~ MvNormal(mu, {{argument}})
            }
            """;
        var elbo = Elbo(model, [SviPipeline.Real("y", Y, 4, 2), SviPipeline.Real("S", S, 2, 2)], Mu);
        var likelihood = form == "cov" ? new MvNormal(Mu, S) : MvNormal.FromPrecision(Mu, S);
        var expected = Mu.Sum(m => new Normal(0, 1).LogDensity(m))
            + Enumerable.Range(0, 4).Sum(n => likelihood.LogDensity(Y.AsSpan(2 * n, 2)));
        Assert.Equal(expected, elbo, 1e-10);
    }

    [Fact]
    public void Dirichlet_observations_score_as_the_double_path()
    {
        const string Model = """
            data p: simplex[N, K]
            a: real[K] ~ Normal(0, 1)
            plate n in N {
              p[n] ~ Dirichlet(exp(a))
            }
            """;
        double[] p = [0.2, 0.3, 0.5, 0.6, 0.1, 0.3];
        double[] a = [0.1, -0.3, 0.5];
        var elbo = Elbo(Model, [SviPipeline.Real("p", p, 2, 3)], a);
        var dirichlet = new Dirichlet(a.Select(Math.Exp).ToArray());
        var expected = a.Sum(v => new Normal(0, 1).LogDensity(v))
            + Enumerable.Range(0, 2).Sum(n => dirichlet.LogDensity(p.AsSpan(3 * n, 3)));
        Assert.Equal(expected, elbo, 1e-10);
    }
}
