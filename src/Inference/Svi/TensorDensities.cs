using Ppl.Tensors;

namespace Ppl.Inference.Svi;

/// <summary>
/// Log-densities of the catalogue's families written on autodiff tensors, elementwise (parameters
/// already broadcast to the variate's layout). Formulas as in the StdLib's scalar families.
/// </summary>
internal static class TensorDensities
{
    private const double HalfLog2Pi = 0.91893853320467274178;
    private const double LogPi = 1.1447298858494002;

    /// <summary>True when the family's log-density is available here.</summary>
    public static bool Supports(string family) => family is "Normal" or "Bernoulli" or "Gamma" or "InverseGamma" or "Beta"
        or "Exponential" or "HalfNormal" or "HalfCauchy" or "LogNormal" or "Laplace" or "StudentT" or "Uniform"
        or "Poisson" or "Categorical" or "Mixture";

    /// <summary>The Normal's standard deviation from the parameterisation actually written.</summary>
    public static Tensor NormalSd(string parameterisation, Tensor second) => parameterisation switch
    {
        "var" => Tensor.Sqrt(second),
        "precision" => 1.0 / Tensor.Sqrt(second),
        _ => second,
    };

    /// <summary>log p(x) elementwise.</summary>
    /// <param name="family">Family name.</param>
    /// <param name="parameterisation">Parameterisation name.</param>
    /// <param name="a">The arguments, aligned to <paramref name="x"/>'s layout.</param>
    /// <param name="x">The variate.</param>
    public static Tensor LogDensity(string family, string parameterisation, IReadOnlyList<Tensor> a, Tensor x)
    {
        switch (family)
        {
            case "Normal":
            {
                // −½((x−μ)/σ)² − log σ − ½ log 2π
                var sd = NormalSd(parameterisation, a[1]);
                var z = (x - a[0]) / sd;
                return -0.5 * Tensor.Square(z) - Tensor.Log(sd) - HalfLog2Pi;
            }
            case "Bernoulli":
                // logits l: x l − softplus(l); probability p: x log p + (1 − x) log(1 − p)
                return parameterisation == "logits"
                    ? x * a[0] - Tensor.Softplus(a[0])
                    : x * Tensor.Log(a[0]) + (1.0 - x) * Tensor.Log(1.0 - a[0]);
            case "Gamma":
            {
                // α log β − log Γ(α) + (α − 1) log x − β x
                var rate = parameterisation == "scale" ? 1.0 / a[1] : a[1];
                return a[0] * Tensor.Log(rate) - Tensor.LogGamma(a[0]) + (a[0] - 1.0) * Tensor.Log(x) - rate * x;
            }
            case "InverseGamma":
                return a[0] * Tensor.Log(a[1]) - Tensor.LogGamma(a[0]) - (a[0] + 1.0) * Tensor.Log(x) - a[1] / x;
            case "Beta":
                return (a[0] - 1.0) * Tensor.Log(x) + (a[1] - 1.0) * Tensor.Log(1.0 - x)
                    - Tensor.LogGamma(a[0]) - Tensor.LogGamma(a[1]) + Tensor.LogGamma(a[0] + a[1]);
            case "Exponential":
                return Tensor.Log(a[0]) - a[0] * x;
            case "HalfNormal":
                // log 2 + log N(x; 0, σ)
                return 0.69314718055994531 - 0.5 * Tensor.Square(x / a[0]) - Tensor.Log(a[0]) - HalfLog2Pi;
            case "HalfCauchy":
                // log 2 − log π − log s − log(1 + (x/s)²)
                return 0.69314718055994531 - LogPi - Tensor.Log(a[0]) - Tensor.Log1p(Tensor.Square(x / a[0]));
            case "LogNormal":
            {
                var lx = Tensor.Log(x);
                return -0.5 * Tensor.Square((lx - a[0]) / a[1]) - Tensor.Log(a[1]) - HalfLog2Pi - lx;
            }
            case "Laplace":
                return -Tensor.Abs(x - a[0]) / a[1] - Tensor.Log(2.0 * a[1]);
            case "StudentT":
            {
                // log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − log s − (ν+1)/2 log(1 + z²/ν)
                var nu = a[0];
                var z = (x - a[1]) / a[2];
                return Tensor.LogGamma(0.5 * (nu + 1.0)) - Tensor.LogGamma(0.5 * nu) - 0.5 * Tensor.Log(nu * Math.PI)
                    - Tensor.Log(a[2]) - 0.5 * (nu + 1.0) * Tensor.Log1p(Tensor.Square(z) / nu);
            }
            case "Uniform":
                return -Tensor.Log(a[1] - a[0]) + 0.0 * x;
            case "Poisson":
                return x * Tensor.Log(a[0]) - a[0] - Tensor.LogGamma(x + 1.0);
            default:
                throw ExpressionEvaluator.Unsupported($"the {family} log-density");
        }
    }

    /// <summary>KL(N(m₁, s₁) ‖ N(m₂, s₂)) = log(s₂/s₁) + (s₁² + (m₁ − m₂)²)/(2 s₂²) − ½ (Kingma and Welling 2014, appendix B).</summary>
    public static Tensor NormalKl(Tensor m1, Tensor s1, Tensor m2, Tensor s2) =>
        Tensor.Log(s2 / s1) + (Tensor.Square(s1) + Tensor.Square(m1 - m2)) / (2.0 * Tensor.Square(s2)) - 0.5;

    /// <summary>Mean and variance of the variate (for the predictive split), where known.</summary>
    public static (Tensor Mean, Tensor Variance)? Moments(string family, string parameterisation, IReadOnlyList<Tensor> a)
    {
        switch (family)
        {
            case "Normal":
                var sd = NormalSd(parameterisation, a[1]);
                return (a[0] + 0.0 * sd, Tensor.Square(sd) + 0.0 * a[0]);
            case "Bernoulli":
                var p = parameterisation == "logits" ? Tensor.Sigmoid(a[0]) : a[0];
                return (p, p * (1.0 - p));
            case "Poisson":
                return (a[0], a[0]);
            default:
                return null;
        }
    }
}
