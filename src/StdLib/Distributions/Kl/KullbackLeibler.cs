using System.Diagnostics.CodeAnalysis;
using Ppl.Tensors;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// Closed-form Kullback–Leibler divergences KL(p ‖ q) = E_p[log p(x) − log q(x)] between families, one static
/// overload per pair (the typed API), and a registry keyed by the two types (<see cref="TryDivergence"/>,
/// <see cref="HasClosedForm"/>) that the planner and the SVI backend query to choose between an analytic
/// KL term and a Monte Carlo estimate.
/// </summary>
public static class KullbackLeibler
{
    private static readonly Dictionary<(Type P, Type Q), Func<object, object, double>> _registry = new()
    {
        [(typeof(Normal), typeof(Normal))] = (p, q) => Divergence((Normal)p, (Normal)q),
        [(typeof(MvNormal), typeof(MvNormal))] = (p, q) => Divergence((MvNormal)p, (MvNormal)q),
        [(typeof(DiagonalNormal), typeof(MvNormal))] = (p, q) => Divergence((DiagonalNormal)p, (MvNormal)q),
        [(typeof(MvNormal), typeof(DiagonalNormal))] = (p, q) => Divergence((MvNormal)p, (DiagonalNormal)q),
        [(typeof(DiagonalNormal), typeof(DiagonalNormal))] = (p, q) => Divergence((DiagonalNormal)p, (DiagonalNormal)q),
        [(typeof(Gamma), typeof(Gamma))] = (p, q) => Divergence((Gamma)p, (Gamma)q),
        [(typeof(Beta), typeof(Beta))] = (p, q) => Divergence((Beta)p, (Beta)q),
        [(typeof(Dirichlet), typeof(Dirichlet))] = (p, q) => Divergence((Dirichlet)p, (Dirichlet)q),
        [(typeof(Categorical), typeof(Categorical))] = (p, q) => Divergence((Categorical)p, (Categorical)q),
        [(typeof(Bernoulli), typeof(Bernoulli))] = (p, q) => Divergence((Bernoulli)p, (Bernoulli)q),
        [(typeof(Wishart), typeof(Wishart))] = (p, q) => Divergence((Wishart)p, (Wishart)q),
    };

    /// <summary>Whether KL(p ‖ q) has a closed form for these two families.</summary>
    public static bool HasClosedForm(Type p, Type q) => _registry.ContainsKey((p, q));

    /// <summary>KL(p ‖ q) in closed form if the registry has the pair of types.</summary>
    public static bool TryDivergence(object p, object q, [NotNullWhen(true)] out double? divergence)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (_registry.TryGetValue((p.GetType(), q.GetType()), out var formula))
        {
            divergence = formula(p, q);
            return true;
        }
        divergence = null;
        return false;
    }

    /// <summary>KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½.</summary>
    public static double Divergence(Normal p, Normal q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        return NormalNormal<Scalar>(p.Mean, p.StandardDeviation, q.Mean, q.StandardDeviation).Value;
    }

    /// <summary>KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²)/(2σ₂²) − ½ (Kingma &amp; Welling 2014,
    /// appendix B), elementwise, written once for doubles and autodiff tensors.</summary>
    public static T NormalNormal<T>(T mean1, T sd1, T mean2, T sd2) where T : IReal<T> =>
        T.Log(sd2 / sd1) + (T.Square(sd1) + T.Square(mean1 - mean2)) / (2.0 * T.Square(sd2)) - 0.5;

    /// <summary>
    /// KL(N(μ₁, Σ₁) ‖ N(μ₂, Σ₂)) = ½[tr(Σ₂⁻¹Σ₁) + (μ₂ − μ₁)ᵀΣ₂⁻¹(μ₂ − μ₁) − D + log |Σ₂| − log |Σ₁|],
    /// with tr(Σ₂⁻¹Σ₁) = ‖L₂⁻¹L₁‖²_F from the Cholesky factors.
    /// </summary>
    public static double Divergence(MvNormal p, MvNormal q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var d = CheckDimensions(p.Dimension, q.Dimension);
        var l1 = p.CholeskyFactor;
        var l2 = q.CholeskyFactor;
        var column = new double[d];
        var trace = 0.0;
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < d; i++)
            {
                column[i] = l1[i * d + j];
            }
            SymmetricMatrix.SolveLower(l2, d, column);
            foreach (var c in column)
            {
                trace += c * c;
            }
        }
        for (var i = 0; i < d; i++)
        {
            column[i] = q.Mean[i] - p.Mean[i];
        }
        SymmetricMatrix.SolveLower(l2, d, column);
        var mahalanobis = column.Sum(c => c * c);
        return 0.5 * (trace + mahalanobis - d + q.LogDeterminant - p.LogDeterminant);
    }

    /// <summary>KL between independent Normals (a mean-field guide) and a full MvNormal (a correlated prior):
    /// the MvNormal formula with Σ₁ = diag(σ²).</summary>
    public static double Divergence(DiagonalNormal p, MvNormal q)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Divergence(p.ToMvNormal(), q);
    }

    /// <summary>KL between a full MvNormal and independent Normals: the MvNormal formula with Σ₂ = diag(σ²),
    /// = Σᵢ [log σᵢ + (Σ₁ᵢᵢ + (μ₁ᵢ − μ₂ᵢ)²)/(2σᵢ²)] − ½ log |Σ₁| − D/2.</summary>
    public static double Divergence(MvNormal p, DiagonalNormal q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var d = CheckDimensions(p.Dimension, q.Dimension);
        var covariance = p.Covariance;
        var sum = -0.5 * p.LogDeterminant - 0.5 * d;
        for (var i = 0; i < d; i++)
        {
            var s = q.StandardDeviation[i];
            var difference = p.Mean[i] - q.Mean[i];
            sum += Math.Log(s) + (covariance[i * d + i] + difference * difference) / (2 * s * s);
        }
        return sum;
    }

    /// <summary>KL between two sets of independent Normals: the sum of the univariate divergences.</summary>
    public static double Divergence(DiagonalNormal p, DiagonalNormal q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var d = CheckDimensions(p.Dimension, q.Dimension);
        var sum = 0.0;
        for (var i = 0; i < d; i++)
        {
            sum += Divergence(new Normal(p.Mean[i], p.StandardDeviation[i]), new Normal(q.Mean[i], q.StandardDeviation[i]));
        }
        return sum;
    }

    /// <summary>KL(Gamma(α₁, β₁) ‖ Gamma(α₂, β₂)) = (α₁ − α₂)ψ(α₁) − log Γ(α₁) + log Γ(α₂)
    /// + α₂(log β₁ − log β₂) + α₁(β₂ − β₁)/β₁.</summary>
    public static double Divergence(Gamma p, Gamma q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        return (p.Shape - q.Shape) * SpecialFunctions.Digamma(p.Shape)
            - SpecialFunctions.LogGamma(p.Shape) + SpecialFunctions.LogGamma(q.Shape)
            + q.Shape * (Math.Log(p.Rate) - Math.Log(q.Rate))
            + p.Shape * (q.Rate - p.Rate) / p.Rate;
    }

    /// <summary>KL(Beta(a₁, b₁) ‖ Beta(a₂, b₂)) = log B(a₂, b₂) − log B(a₁, b₁) + (a₁ − a₂)ψ(a₁)
    /// + (b₁ − b₂)ψ(b₁) + (a₂ − a₁ + b₂ − b₁)ψ(a₁ + b₁).</summary>
    public static double Divergence(Beta p, Beta q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        return SpecialFunctions.LogBeta(q.A, q.B) - SpecialFunctions.LogBeta(p.A, p.B)
            + (p.A - q.A) * SpecialFunctions.Digamma(p.A) + (p.B - q.B) * SpecialFunctions.Digamma(p.B)
            + (q.A - p.A + q.B - p.B) * SpecialFunctions.Digamma(p.A + p.B);
    }

    /// <summary>KL(Dir(α) ‖ Dir(β)) = log Γ(α₀) − Σ log Γ(αₖ) − log Γ(β₀) + Σ log Γ(βₖ) + Σ (αₖ − βₖ)(ψ(αₖ) − ψ(α₀)).</summary>
    public static double Divergence(Dirichlet p, Dirichlet q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var k = CheckDimensions(p.Count, q.Count);
        var digammaTotal = SpecialFunctions.Digamma(p.Total);
        var sum = q.LogNormaliser - p.LogNormaliser;
        for (var i = 0; i < k; i++)
        {
            sum += (p.Alpha[i] - q.Alpha[i]) * (SpecialFunctions.Digamma(p.Alpha[i]) - digammaTotal);
        }
        return sum;
    }

    /// <summary>KL(Cat(p) ‖ Cat(q)) = Σₖ pₖ log(pₖ/qₖ), with 0 log 0 = 0 and +∞ where qₖ = 0 &lt; pₖ.</summary>
    public static double Divergence(Categorical p, Categorical q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var k = CheckDimensions(p.Count, q.Count);
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            if (p.Probabilities[i] > 0)
            {
                sum += p.Probabilities[i] * (p.LogProbabilities[i] - q.LogProbabilities[i]);
            }
        }
        return sum;
    }

    /// <summary>KL(Bern(p) ‖ Bern(q)) = p log(p/q) + (1 − p) log((1 − p)/(1 − q)).</summary>
    public static double Divergence(Bernoulli p, Bernoulli q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var a = p.Probability;
        var b = q.Probability;
        var one = a > 0 ? a * (Math.Log(a) - Math.Log(b)) : 0;
        var zero = a < 1 ? (1 - a) * (SpecialFunctions.Log1p(-a) - SpecialFunctions.Log1p(-b)) : 0;
        return one + zero;
    }

    /// <summary>
    /// KL(W(ν₁, V₁) ‖ W(ν₂, V₂)) = ½ν₂(log |V₂| − log |V₁|) + ½ν₁(tr(V₂⁻¹V₁) − D) + log Γ_D(ν₂/2)
    /// − log Γ_D(ν₁/2) + ½(ν₁ − ν₂) ψ_D(ν₁/2), from E_p[log |X|] = ψ_D(ν₁/2) + D log 2 + log |V₁| and
    /// E_p[X] = ν₁V₁ (Bishop 2006, eqs. B.80–B.81).
    /// </summary>
    public static double Divergence(Wishart p, Wishart q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var d = CheckDimensions(p.Dimension, q.Dimension);
        var nu1 = p.DegreesOfFreedom;
        var nu2 = q.DegreesOfFreedom;
        return 0.5 * nu2 * (q.LogDeterminantOfScale - p.LogDeterminantOfScale)
            + 0.5 * nu1 * (SymmetricMatrix.TraceOfProduct(q.InverseScale, p.Scale, d) - d)
            + SpecialFunctions.MultivariateLogGamma(0.5 * nu2, d) - SpecialFunctions.MultivariateLogGamma(0.5 * nu1, d)
            + 0.5 * (nu1 - nu2) * Wishart.MultivariateDigamma(0.5 * nu1, d);
    }

    private static int CheckDimensions(int p, int q) =>
        p == q ? p : throw new ArgumentException($"KL divergence between distributions of different sizes ({p} and {q}).");
}
