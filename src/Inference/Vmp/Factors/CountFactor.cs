using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Variables;
using Ppl.Tensors.Special;

namespace Ppl.Inference.Vmp.Factors;

/// <summary>The observation families a <see cref="CountFactor"/> handles, each with its conjugate parameter.</summary>
internal enum CountFamily
{
    /// <summary>x ~ Bernoulli(p), p Beta.</summary>
    Bernoulli,

    /// <summary>x ~ Binomial(n, p), n known, p Beta.</summary>
    Binomial,

    /// <summary>x ~ Poisson(λ), λ Gamma.</summary>
    Poisson,

    /// <summary>x ~ Exponential(λ), λ Gamma.</summary>
    Exponential,

    /// <summary>x ~ Categorical(π), π Dirichlet.</summary>
    Categorical,
}

/// <summary>
/// Observed data under a one-parameter family whose parameter is a conjugate latent, elementwise over
/// the node's plates (cell f reads element map[f] of the parameter). Messages (the data's sufficient
/// statistics) and ELBO terms:
/// <list type="bullet">
/// <item>Bernoulli: (a − 1, b − 1) += (x, 1 − x); x E[log p] + (1 − x) E[log(1 − p)];</item>
/// <item>Binomial(n): += (x, n − x); log C(n, x) + x E[log p] + (n − x) E[log(1 − p)];</item>
/// <item>Poisson: (shape − 1, rate) += (x, 1); x E[log λ] − E[λ] − log x!;</item>
/// <item>Exponential: += (1, x); E[log λ] − E[λ] x;</item>
/// <item>Categorical: α − 1 += one-hot(x); E[log π_x].</item>
/// </list>
/// </summary>
/// <param name="node">The observed node.</param>
/// <param name="family">The family.</param>
/// <param name="data">x per cell.</param>
/// <param name="trials">n per cell (Binomial), else null.</param>
/// <param name="parameter">The conjugate latent.</param>
/// <param name="map">Cell → element of the parameter.</param>
internal sealed class CountFactor(RandomNode node, CountFamily family, double[] data, double[]? trials, VmpVariable parameter, int[] map)
    : VmpFactor(node)
{
    /// <inheritdoc/>
    public override IEnumerable<VmpVariable> Variables => [parameter];

    /// <inheritdoc/>
    public override void AddMessage(VmpVariable target, double[] natural)
    {
        var n = parameter.Count;
        for (var f = 0; f < data.Length; f++)
        {
            var x = data[f];
            var i = map[f];
            switch (family)
            {
                case CountFamily.Bernoulli:
                    natural[i] += x;
                    natural[n + i] += 1 - x;
                    break;
                case CountFamily.Binomial:
                    natural[i] += x;
                    natural[n + i] += trials![f] - x;
                    break;
                case CountFamily.Poisson:
                    natural[i] += x;
                    natural[n + i] += 1;
                    break;
                case CountFamily.Exponential:
                    natural[i] += 1;
                    natural[n + i] += x;
                    break;
                case CountFamily.Categorical:
                    natural[(int)x] += 1;
                    break;
                default:
                    throw new InvalidOperationException($"internal error: {family}");
            }
        }
    }

    /// <inheritdoc/>
    public override double ExpectedLogDensity()
    {
        var sum = 0.0;
        for (var f = 0; f < data.Length; f++)
        {
            var x = data[f];
            var i = map[f];
            sum += (family, parameter) switch
            {
                (CountFamily.Bernoulli, BetaArray p) => x * p.ExpectedLog[i] + (1 - x) * p.ExpectedLogComplement[i],
                (CountFamily.Binomial, BetaArray p) => LogChoose(trials![f], x) + x * p.ExpectedLog[i] + (trials[f] - x) * p.ExpectedLogComplement[i],
                (CountFamily.Poisson, GammaArray g) => x * g.ExpectedLog[i] - g.Expected[i] - SpecialFunctions.LogGamma(x + 1),
                (CountFamily.Exponential, GammaArray g) => g.ExpectedLog[i] - g.Expected[i] * x,
                (CountFamily.Categorical, DirichletVariable d) => d.ExpectedLog[(int)x],
                _ => throw new InvalidOperationException($"internal error: {family} on {parameter.GetType().Name}"),
            };
        }

        return sum;
    }

    private static double LogChoose(double n, double k) =>
        SpecialFunctions.LogGamma(n + 1) - SpecialFunctions.LogGamma(k + 1) - SpecialFunctions.LogGamma(n - k + 1);
}
