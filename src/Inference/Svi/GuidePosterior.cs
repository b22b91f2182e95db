using Ppl.Inference.Results;

namespace Ppl.Inference.Svi;

/// <summary>
/// The posterior an automatic guide reports for one latent, in the guide's own family: q(u) =
/// N(loc, scale) in the unconstrained space pushed through the latent's transform T. For T =
/// identity this is <c>Normal(loc, scale)</c>; for T = exp it is exactly <c>LogNormal(loc, scale)</c>;
/// for T = σ it is <c>LogitNormal(loc, scale)</c>; a Delta guide (MAP) is <c>Delta(value)</c>.
/// Quantiles are T(loc + z_p scale) in every case (T is monotone); the mean and sd are closed
/// form except for the logit-normal, whose moments are computed by quadrature.
/// </summary>
internal static class GuidePosterior
{
    /// <summary>Standard normal quantile at 0.95 (Abramowitz and Stegun 1964, table 26.5).</summary>
    private const double Z95 = 1.6448536269514722;

    /// <summary>How each summary was computed: closed form, by quadrature, or from draws (docs/cli.md).</summary>
    public const string Analytic = "analytic";

    /// <summary>Moments by deterministic quadrature (quantiles still exact).</summary>
    public const string Quadrature = "quadrature";

    /// <summary>Everything from Monte Carlo draws of the guide.</summary>
    public const string Draws = "draws";

    /// <summary>The family name of the pushed-forward guide.</summary>
    public static string Family(LatentTransform transform, bool delta) => delta ? "Delta" : transform switch
    {
        LatentTransform.Exp => "LogNormal",
        LatentTransform.Sigmoid => "LogitNormal",
        _ => "Normal",
    };

    /// <summary>The posterior of a latent whose guide is N(loc, scale) on u (scale null for a Delta guide).</summary>
    public static Posterior Summarise(string name, int[] shape, LatentTransform transform, double[] loc, double[]? scale)
    {
        var n = loc.Length;
        double[] mean = new double[n], sd = new double[n], q05 = new double[n], q50 = new double[n], q95 = new double[n];
        var summary = Analytic;
        for (var i = 0; i < n; i++)
        {
            var m = loc[i];
            var s = scale?[i] ?? 0;
            q05[i] = Forward(transform, m - Z95 * s);
            q50[i] = Forward(transform, m);
            q95[i] = Forward(transform, m + Z95 * s);
            switch (transform)
            {
                case LatentTransform.Exp:
                    // LogNormal: E = e^{μ+σ²/2}, Var = (e^{σ²} − 1) e^{2μ+σ²}.
                    mean[i] = Math.Exp(m + s * s / 2);
                    sd[i] = Math.Sqrt(double.ExpM1(s * s)) * mean[i];
                    break;
                case LatentTransform.Sigmoid:
                    (mean[i], sd[i]) = LogitNormalMoments(m, s);
                    summary = scale is null ? Analytic : Quadrature;
                    break;
                default:
                    mean[i] = m;
                    sd[i] = s;
                    break;
            }
        }
        NdArray Nd(double[] v) => new(shape, v);
        var parameters = scale is null
            ? new Dictionary<string, NdArray> { ["value"] = Nd(q50) }
            : new Dictionary<string, NdArray> { ["loc"] = Nd(loc), ["scale"] = Nd(scale) };
        return new Posterior(name, Family(transform, scale is null), parameters, Nd(mean), Nd(sd), Nd(q05), Nd(q50), Nd(q95))
        {
            Summary = summary,
        };
    }

    private static double Forward(LatentTransform transform, double u) => transform switch
    {
        LatentTransform.Exp => Math.Exp(u),
        LatentTransform.Sigmoid => 1 / (1 + Math.Exp(-u)),
        _ => u,
    };

    /// <summary>
    /// Mean and sd of σ(u), u ~ N(m, s): E[g(u)] = ∫ g(m + s z) φ(z) dz by the midpoint rule on
    /// z ∈ [−10, 10] with 4,000 cells (the integrand is smooth and bounded, so the error is far below
    /// double-precision summary needs; the Gaussian tail beyond 10 has mass 1.5e−23).
    /// </summary>
    internal static (double Mean, double Sd) LogitNormalMoments(double m, double s)
    {
        if (s == 0)
        {
            return (Forward(LatentTransform.Sigmoid, m), 0);
        }
        const int cells = 4000;
        const double half = 10.0;
        const double h = 2 * half / cells;
        double mass = 0, m1 = 0, m2 = 0;
        for (var k = 0; k < cells; k++)
        {
            var z = -half + (k + 0.5) * h;
            var w = Math.Exp(-0.5 * z * z);
            var g = Forward(LatentTransform.Sigmoid, m + s * z);
            mass += w;
            m1 += w * g;
            m2 += w * g * g;
        }
        m1 /= mass;
        m2 /= mass;
        return (m1, Math.Sqrt(Math.Max(0, m2 - m1 * m1)));
    }
}
