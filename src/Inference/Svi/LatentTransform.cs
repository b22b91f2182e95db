using Ppl.Tensors;

namespace Ppl.Inference.Svi;

/// <summary>
/// The bijection from the unconstrained space of an automatic guide to a latent's support, with the
/// log-Jacobian log|dT/du| that turns the guide's density on u into one on T(u).
/// </summary>
internal enum LatentTransform
{
    /// <summary>The real line: T(u) = u.</summary>
    Identity,

    /// <summary>The positive reals: T(u) = eᵘ, log|J| = u.</summary>
    Exp,

    /// <summary>The unit interval: T(u) = σ(u), log|J| = log σ(u) + log σ(−u).</summary>
    Sigmoid,
}

/// <summary>Applying a <see cref="LatentTransform"/>.</summary>
internal static class LatentTransforms
{
    /// <summary>The transform for a family's support, or null when it has none here.</summary>
    public static LatentTransform? ForFamily(string family) => family switch
    {
        "Normal" or "Laplace" or "StudentT" => LatentTransform.Identity,
        "Gamma" or "InverseGamma" or "Exponential" or "HalfNormal" or "HalfCauchy" or "LogNormal" => LatentTransform.Exp,
        "Beta" => LatentTransform.Sigmoid,
        _ => null,
    };

    /// <summary>T(u).</summary>
    public static Tensor Forward(LatentTransform transform, Tensor u) => transform switch
    {
        LatentTransform.Exp => Tensor.Exp(u),
        LatentTransform.Sigmoid => Tensor.Sigmoid(u),
        _ => u,
    };

    /// <summary>T⁻¹(x) for initial values.</summary>
    public static double Inverse(LatentTransform transform, double x) => transform switch
    {
        LatentTransform.Exp => Math.Log(x),
        LatentTransform.Sigmoid => Math.Log(x / (1 - x)),
        _ => x,
    };

    /// <summary>log|dT/du| elementwise.</summary>
    public static Tensor? LogJacobian(LatentTransform transform, Tensor u) => transform switch
    {
        LatentTransform.Exp => u,
        LatentTransform.Sigmoid => -Tensor.Softplus(-u) - Tensor.Softplus(u),
        _ => null,
    };
}
