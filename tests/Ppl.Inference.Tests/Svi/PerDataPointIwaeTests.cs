using Ppl.Inference.Svi;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// The per-data-point IWAE bound on zₙ ~ N(0, 1), yₙ ~ N(zₙ, 1) in a batch plate, where everything
/// is exact per data point: log p(yₙ) = log N(yₙ; 0, √2), the posterior is N(yₙ/2, 1/2), and for
/// q(zₙ) = N(mₙ, s²) the ELBO is −log 2π − ½[(yₙ − mₙ)² + s²] − ½(mₙ² + s²) + ½ log(2πe s²). One case
/// per guide: the automatic guide (a free loc and scale per data point, set by hand) and an amortised
/// guide { } (mₙ = a·yₙ). Both are held away from the posterior so that every bound is strict.
/// </summary>
public sealed class PerDataPointIwaeTests
{
    internal const string PerPointGuide = """
        data y: real[N]
        plate n in N batch 4 {
          z[n] ~ Normal(0, 1)
          y[n] ~ Normal(z[n], 1)
        }
        """;

    private const string AmortisedGuide = """
        data y: real[N]
        plate n in N batch 4 {
          z[n] ~ Normal(0, 1)
          y[n] ~ Normal(z[n], 1)
        }
        guide {
          param a: real = 0.9
          param s: pos = 0.6
          plate n in N batch 4 {
            z[n] ~ Normal(a * y[n], sd: s)
          }
        }
        """;

    private const double GuideSd = 0.6;

    internal static readonly double[] Y = [0.3, -1.2, 2.0, 0.7, 1.1, 0.4, -0.3, 0.9, 1.5, -0.8, 2.4, -1.7];

    internal static double LogEvidence(double y) => -0.5 * Math.Log(2 * Math.PI * 2) - y * y / 4;

    internal static double Elbo(double y, double m, double s) =>
        -Math.Log(2 * Math.PI) - 0.5 * ((y - m) * (y - m) + s * s) - 0.5 * (m * m + s * s) + 0.5 * Math.Log(2 * Math.PI * Math.E * s * s);

    /// <summary>The guide's mean per data point: the per-point guide's loc is set to yₙ/2 + 0.8; the amortised one's is 0.9·yₙ.</summary>
    private static double GuideMean(bool amortised, double y) => amortised ? 0.9 * y : y / 2 + 0.8;

    private static SviProgram Program(bool amortised)
    {
        var request = SviPipeline.Request(amortised ? AmortisedGuide : PerPointGuide, [SviPipeline.Real("y", Y, Y.Length)]);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "auto", new RandomSource(1));
        if (!amortised)
        {
            var site = Assert.Single(program.AutoGuide);
            for (var i = 0; i < Y.Length; i++)
            {
                site.Loc.AsDoubleSpan()[i] = GuideMean(false, Y[i]);
                site.Rho!.AsDoubleSpan()[i] = Math.Log(Math.Exp(GuideSd) - 1);
            }
        }
        return program;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_per_data_point_bound_increases_in_k_towards_the_exact_log_evidence(bool amortised)
    {
        var program = Program(amortised);
        Assert.Equal(("n", (string?)null), program.PerDataPointPlate());
        var random = new RandomSource(29);

        var k1 = SviEvaluation.PerDataPointIwae(program, "n", random, 1, repeats: 400);
        var k10 = SviEvaluation.PerDataPointIwae(program, "n", random, 10, repeats: 100);
        var k2000 = SviEvaluation.PerDataPointIwae(program, "n", random, 2000, repeats: 10);
        Assert.Equal(Y.Length, k2000.DataPoints);

        // IWAE_1 is the ELBO in expectation (log p − log q sampled, not the analytic KL).
        var elbo = Y.Sum(y => Elbo(y, GuideMean(amortised, y), GuideSd));
        var logp = Y.Sum(LogEvidence);
        Assert.InRange(k1.Value, elbo - 5 * k1.StandardError!.Value, elbo + 5 * k1.StandardError.Value);
        Assert.True(elbo < logp - 1, $"the guide should be off the posterior: ELBO {elbo}, log p {logp}");

        // Increasing in k, each gap beyond 5 combined standard errors.
        Assert.True(k10.Value - k1.Value > 5 * Combined(k1.StandardError, k10.StandardError), $"IWAE_1 {k1.Value}, IWAE_10 {k10.Value}");
        Assert.True(k2000.Value - k10.Value > 5 * Combined(k10.StandardError, k2000.StandardError), $"IWAE_10 {k10.Value}, IWAE_2000 {k2000.Value}");

        // Below Σₙ log p(yₙ), and at k = 2000 within twice the first-order bias Σₙ χ²(pₙ ‖ qₙ)/(2k)
        // (Maddison et al. 2017, prop. 1) plus 5 standard errors of it.
        var bias = Y.Sum(y => ChiSquare(y / 2, Math.Sqrt(0.5), GuideMean(amortised, y), GuideSd)) / (2 * 2000);
        Assert.True(k10.Value < logp, $"IWAE_10 {k10.Value} > log p {logp}");
        Assert.InRange(k2000.Value, logp - 2 * bias - 5 * k2000.StandardError!.Value, logp + 5 * k2000.StandardError.Value);
        Assert.Equal(k2000.Value / Y.Length, k2000.PerDataPoint!.Value, 12);
    }

    [Fact]
    public void The_standard_error_pooled_over_data_points_matches_the_spread_of_independent_estimates()
    {
        // √(Σₙ s²ₙ / R) from two repeats per data point against the sd of 300 independent two-repeat values.
        var program = Program(amortised: false);
        var random = new RandomSource(5);
        var values = new double[300];
        var reported = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var bound = SviEvaluation.PerDataPointIwae(program, "n", random, 3);
            values[i] = bound.Value;
            reported[i] = bound.StandardError!.Value;
        }
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        // The rms of the reported errors estimates sd with N(R − 1) = 12 degrees of freedom per run;
        // the sample sd over 300 runs has a relative error of about 1/√600 ≈ 4%; 20% is over 4 of those.
        var rms = Math.Sqrt(reported.Average(e => e * e));
        Assert.InRange(rms / sd, 0.8, 1.2);
    }

    [Fact]
    public void The_backend_reports_the_per_data_point_bound_for_a_batch_plate_model()
    {
        var request = SviPipeline.Request(AmortisedGuide, [SviPipeline.Real("y", Y, Y.Length)],
            new InferenceOptions { Seed = 2, Steps = 3000, IwaeSamples = 100, DoublePrecision = true });
        var result = new SviBackend().Run(request);

        var iwae = result.Iwae!;
        Assert.Equal(100, iwae.K);
        Assert.Equal(Y.Length, iwae.DataPoints);
        Assert.Equal(SviEvaluation.PerDataPointRepeats, iwae.Repeats);
        Assert.DoesNotContain(result.Notes, n => n.StartsWith("iwae", StringComparison.Ordinal));
        var logp = Y.Sum(LogEvidence);
        Assert.True(iwae.Value <= logp + 5 * iwae.StandardError!.Value, $"IWAE {iwae.Value} > log p {logp}");
        // The amortised family contains the exact posterior (a = ½, s = √½), so after training the
        // bound is close to log p (the remaining gap is Adam's jitter around the optimum).
        Assert.InRange(iwae.Value, logp - 0.1, logp + 5 * iwae.StandardError.Value);
    }

    [Fact]
    public void A_model_with_a_global_latent_gets_the_joint_bound_and_a_note_naming_the_latent()
    {
        // μ ~ N(0, 1), zₙ ~ N(μ, 1), yₙ ~ N(zₙ, 1): y ~ N(0, 2I + 11ᵀ), log p(y) = −n/2 log 2π −
        // ½ log(2ⁿ⁻¹(2 + n)) − ½ yᵀΣ⁻¹y with Σ⁻¹ = ½(I − 11ᵀ/(2 + n)) (Sherman–Morrison).
        const string model = """
            data y: real[N]
            mu ~ Normal(0, 1)
            plate n in N batch 4 {
              z[n] ~ Normal(mu, 1)
              y[n] ~ Normal(z[n], 1)
            }
            """;
        var request = SviPipeline.Request(model, [SviPipeline.Real("y", Y, Y.Length)],
            new InferenceOptions { Seed = 3, Steps = 2000, IwaeSamples = 20, DoublePrecision = true });
        var result = new SviBackend().Run(request);

        var iwae = result.Iwae!;
        Assert.Null(iwae.DataPoints);
        Assert.Null(iwae.PerDataPoint);
        var note = Assert.Single(result.Notes, n => n.StartsWith("iwae", StringComparison.Ordinal));
        Assert.Contains("joint bound", note, StringComparison.Ordinal);
        Assert.Contains("'mu' is a global latent", note, StringComparison.Ordinal);
        var n = Y.Length;
        double sum = Y.Sum(), squares = Y.Sum(v => v * v);
        var logp = -n / 2.0 * Math.Log(2 * Math.PI) - 0.5 * ((n - 1) * Math.Log(2) + Math.Log(2 + n))
            - 0.25 * (squares - sum * sum / (2 + n));
        Assert.True(iwae.Value <= logp + 5 * iwae.StandardError!.Value, $"IWAE {iwae.Value} > log p {logp}");
    }

    internal static double Combined(double? a, double? b) => Math.Sqrt(a!.Value * a.Value + b!.Value * b.Value);

    /// <summary>χ²(p ‖ q) = ∫ p²/q − 1 for p = N(a, b²), q = N(m, s²), by the midpoint rule (a slow twin of the closed form).</summary>
    internal static double ChiSquare(double a, double b, double m, double s)
    {
        static double Pdf(double x, double loc, double sd) => Math.Exp(-0.5 * (x - loc) * (x - loc) / (sd * sd)) / (sd * Math.Sqrt(2 * Math.PI));
        const double h = 1e-3;
        var sum = 0.0;
        for (var x = a - 12; x < a + 12; x += h)
        {
            var mid = x + h / 2;
            sum += Pdf(mid, a, b) * Pdf(mid, a, b) / Pdf(mid, m, s) * h;
        }
        return sum - 1;
    }
}
