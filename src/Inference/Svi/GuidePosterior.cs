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

    /// <summary>
    /// A discrete latent's guide: <c>Bernoulli(p)</c> (<paramref name="classes"/> = 1, probabilities
    /// holding q(z = 1)) or <c>Categorical(probs)</c> over 0…C−1 (class axis last); mean and sd of the
    /// value and quantiles from the cumulative probabilities, all exact.
    /// </summary>
    public static Posterior SummariseDiscrete(string name, int[] shape, double[] probabilities, int classes)
    {
        var width = classes == 1 ? 2 : classes;
        var n = probabilities.Length / classes;
        double[] mean = new double[n], sd = new double[n], q05 = new double[n], q50 = new double[n], q95 = new double[n];
        var p = new double[width];
        for (var e = 0; e < n; e++)
        {
            if (classes == 1)
            {
                (p[0], p[1]) = (1 - probabilities[e], probabilities[e]);
            }
            else
            {
                Array.Copy(probabilities, e * classes, p, 0, classes);
            }
            double m1 = 0, m2 = 0;
            for (var c = 0; c < width; c++)
            {
                m1 += c * p[c];
                m2 += c * c * p[c];
            }
            mean[e] = m1;
            sd[e] = Math.Sqrt(Math.Max(0, m2 - m1 * m1));
            q05[e] = DiscreteQuantile(p, 0.05);
            q50[e] = DiscreteQuantile(p, 0.50);
            q95[e] = DiscreteQuantile(p, 0.95);
        }
        NdArray Nd(double[] v) => new(shape, v);
        var parameters = classes == 1
            ? new Dictionary<string, NdArray> { ["p"] = Nd(probabilities) }
            : new Dictionary<string, NdArray> { ["probs"] = new NdArray([.. shape, classes], probabilities) };
        return new Posterior(name, classes == 1 ? "Bernoulli" : "Categorical", parameters, Nd(mean), Nd(sd), Nd(q05), Nd(q50), Nd(q95))
        {
            Summary = Analytic,
        };
    }

    /// <summary>The smallest c with P(z ≤ c) ≥ level.</summary>
    private static double DiscreteQuantile(double[] p, double level)
    {
        var acc = 0.0;
        for (var c = 0; c < p.Length; c++)
        {
            acc += p[c];
            if (acc >= level)
            {
                return c;
            }
        }
        return p.Length - 1;
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
