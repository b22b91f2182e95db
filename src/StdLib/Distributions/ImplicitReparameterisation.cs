using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// Reparameterised draws of the families sampled by rejection (Gamma, Beta, Dirichlet) as autodiff tensors,
/// by implicit reparameterisation (Figurnov, Mohamed &amp; Mnih 2018): a Gamma(α, 1) draw z carries
/// ∂z/∂α = −(∂F(z; α)/∂α) / p(z; α) (<see cref="Gamma.StandardShapeGradient"/>); Beta and Dirichlet draws are
/// normalised Gamma draws, so their gradients follow by the chain rule through the normalisation.
/// </summary>
/// <remarks>
/// The draw enters the graph as z₀ + (α − stop(α))·stop(∂z/∂α): its value is exactly z₀ (the bracket is
/// exactly zero) and its gradient with respect to α is ∂z/∂α — the usual "surrogate" form of a custom
/// gradient, built from the public ops only.
/// </remarks>
public static class ImplicitReparameterisation
{
    /// <summary>z ~ Gamma(α, 1), one per element of <paramref name="shape"/>, differentiable in α.</summary>
    public static Tensor SampleStandardGamma(Tensor shape, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(random);
        var alpha = shape.ToArray();
        var draws = new double[alpha.Length];
        var gradients = new double[alpha.Length];
        for (var i = 0; i < alpha.Length; i++)
        {
            if (!(alpha[i] > 0) || !double.IsFinite(alpha[i]))
            {
                throw new DistributionParameterException("Gamma", "shape", "must be positive and finite",
                    alpha[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
            // Keep the draw away from zero, where log-densities of the draw would be −∞ (tiny shapes).
            draws[i] = Math.Max(random.NextGamma(alpha[i]), double.Epsilon);
            gradients[i] = Gamma.StandardShapeGradient(draws[i], alpha[i]);
        }
        int[] dims = [.. shape.Shape];
        var value = Tensor.FromDoubles(draws, shape.DType, dims);
        if (!shape.RequiresGrad)
        {
            return value;
        }
        return value + (shape - shape.Detach()) * Tensor.FromDoubles(gradients, shape.DType, dims);
    }

    /// <summary>z ~ Gamma(shape, rate) = Gamma(shape, 1)/rate with shape and rate broadcast against each other,
    /// differentiable in both (∂z/∂rate = −z/rate by the division).</summary>
    public static Tensor SampleGamma(Tensor shape, Tensor rate, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rate);
        return SampleStandardGamma(shape + 0.0 * rate, random) / rate;
    }

    /// <summary>x ~ Beta(a, b) = g₁/(g₁ + g₂) with gᵢ standard Gamma draws, differentiable in a and b.</summary>
    public static Tensor SampleBeta(Tensor a, Tensor b, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var g1 = SampleStandardGamma(a + 0.0 * b, random);
        var g2 = SampleStandardGamma(b + 0.0 * a, random);
        return g1 / (g1 + g2);
    }

    /// <summary>x ~ Dirichlet(α) = g/Σₖ gₖ over the last axis of <paramref name="alpha"/> ([.., K]),
    /// differentiable in α.</summary>
    public static Tensor SampleDirichlet(Tensor alpha, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        var g = SampleStandardGamma(alpha, random);
        return g / g.Sum(-1, keepDims: true);
    }
}
