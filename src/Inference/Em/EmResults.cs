using Ppl.Inference.Results;
using Ppl.StdLib.LinearAlgebra;

namespace Ppl.Inference.Em;

/// <summary>Turns EM fits into DESIGN.md's result contract: params, log-likelihood, BIC/AIC, trace and (on request) the local posteriors.</summary>
internal static class EmResults
{
    /// <summary>The standard normal's 95% quantile.</summary>
    private const double Z95 = 1.6448536269514722;

    /// <summary>A mixture's result; the indicator's posterior (responsibilities, hard assignments) when <c>--show</c> names it.</summary>
    public static InferenceResult Mixture(InferenceRequest request, MixtureNames names, MixtureFit fit)
    {
        var k = fit.Weights.Length;
        var n = fit.Components.Count;
        var parameters = new List<ParamEstimate> { new(names.Weights, new NdArray([k], fit.Weights)) };
        parameters.AddRange(fit.Components.Estimates());
        var posteriors = new List<Posterior>();
        if (request.Options.Show.Contains(names.Indicator))
        {
            posteriors.Add(Assignments(names.Indicator, fit.Responsibility, n, k));
        }
        return new InferenceResult(request.ModelName, "em", fit.Converged, fit.Iterations, null, fit.LogLikelihood, posteriors, parameters, fit.Trace)
        {
            Notes = fit.Notes,
            Diagnostics = new Dictionary<string, double>
            {
                ["logLikelihood"] = fit.LogLikelihood,
                ["bic"] = fit.Bic,
                ["aic"] = fit.Aic,
                ["freeParameters"] = fit.FreeParameters,
            },
        };
    }

    /// <summary>A PPCA result; with the closed-form solution's log-likelihood as a check, and the latent posteriors on request.</summary>
    public static InferenceResult Ppca(InferenceRequest request, PpcaModel model, PpcaFit fit, PpcaFit closedForm)
    {
        var noise = model.Spread switch
        {
            SpreadParameter.Sd => Math.Sqrt(fit.Sigma2),
            SpreadParameter.Precision => 1 / fit.Sigma2,
            _ => fit.Sigma2,
        };
        var parameters = new List<ParamEstimate>
        {
            new(model.LoadingName, new NdArray([model.D, model.M], fit.W.Values.ToArray())),
            new(model.MeanName, new NdArray([model.D], fit.Mean)),
            new(model.NoiseName, NdArray.Scalar(noise)),
        };
        var posteriors = new List<Posterior>();
        if (request.Options.Show.Contains(model.Latent))
        {
            var (means, covariance) = Em.Ppca.LatentPosterior(model.X, model.N, fit);
            posteriors.Add(Latent(model.Latent, means, covariance, model.N, model.M));
        }
        // Free parameters of PPCA: D·M − M(M−1)/2 for W up to rotation, 1 for σ², D for μ (Bishop 2006, eq. 12.51).
        var free = model.D * model.M - model.M * (model.M - 1) / 2 + 1 + model.D;
        return new InferenceResult(request.ModelName, "em", fit.Converged, fit.Iterations, null, fit.LogLikelihood, posteriors, parameters, fit.Trace)
        {
            Diagnostics = new Dictionary<string, double>
            {
                ["logLikelihood"] = fit.LogLikelihood,
                ["closedFormLogLikelihood"] = closedForm.LogLikelihood,
                ["closedFormSigma2"] = closedForm.Sigma2,
                ["bic"] = -2 * fit.LogLikelihood + free * Math.Log(model.N),
                ["aic"] = -2 * fit.LogLikelihood + 2 * free,
                ["freeParameters"] = free,
            },
        };
    }

    /// <summary>The indicator's posterior: p(zₙ = k | xₙ) as <c>p</c>, the hard assignment argmaxₖ as <c>mode</c>, index moments and quantiles.</summary>
    private static Posterior Assignments(string name, double[] responsibility, int n, int k)
    {
        var (mode, mean, sd, q05, q50, q95) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (var row = 0; row < n; row++)
        {
            var r = responsibility.AsSpan(row * k, k);
            double m1 = 0, m2 = 0, cumulative = 0;
            var best = 0;
            q05[row] = q50[row] = q95[row] = double.NaN;
            for (var c = 0; c < k; c++)
            {
                m1 += c * r[c];
                m2 += c * (double)c * r[c];
                best = r[c] > r[best] ? c : best;
                cumulative += r[c];
                q05[row] = double.IsNaN(q05[row]) && cumulative >= 0.05 ? c : q05[row];
                q50[row] = double.IsNaN(q50[row]) && cumulative >= 0.5 ? c : q50[row];
                q95[row] = double.IsNaN(q95[row]) && cumulative >= 0.95 - 1e-12 ? c : q95[row];
            }
            mode[row] = best;
            mean[row] = m1;
            sd[row] = Math.Sqrt(Math.Max(m2 - m1 * m1, 0));
            q95[row] = double.IsNaN(q95[row]) ? k - 1 : q95[row];
        }
        return new Posterior(name, "Categorical",
            new Dictionary<string, NdArray> { ["p"] = new([n, k], (double[])responsibility.Clone()), ["mode"] = new([n], mode) },
            new([n], mean), new([n], sd), new([n], q05), new([n], q50), new([n], q95));
    }

    private static Posterior Latent(string name, double[] means, Matrix covariance, int n, int m)
    {
        var sd = new double[n * m];
        var (q05, q95) = (new double[n * m], new double[n * m]);
        for (var i = 0; i < sd.Length; i++)
        {
            sd[i] = Math.Sqrt(covariance[i % m, i % m]);
            q05[i] = means[i] - Z95 * sd[i];
            q95[i] = means[i] + Z95 * sd[i];
        }
        return new Posterior(name, "MvNormal",
            new Dictionary<string, NdArray> { ["mean"] = new([n, m], means), ["cov"] = new([m, m], covariance.Values.ToArray()) },
            new([n, m], means), new([n, m], sd), new([n, m], q05), new([n, m], (double[])means.Clone()), new([n, m], q95))
        {
            Covariance = new NdArray([m, m], covariance.Values.ToArray()),
        };
    }
}
