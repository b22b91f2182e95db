namespace Ppl.StdLib.Distributions;

/// <summary>How a distribution's samples can be differentiated with respect to its parameters (SVI's
/// pathwise gradient).</summary>
public enum Reparameterisation
{
    /// <summary>Not differentiable: the SVI backend must use a score-function estimator, or enumerate
    /// (discrete latents), or reject the model with the catalogue's reason.</summary>
    None,

    /// <summary>A sample is a differentiable function of the parameters and parameter-free noise
    /// (e.g. Normal: μ + σ·ε).</summary>
    Explicit,

    /// <summary>Implicit reparameterisation (Figurnov, Mohamed &amp; Mnih 2018): ∂z/∂θ = −(∂F(z; θ)/∂θ) / p(z; θ),
    /// for the families sampled by rejection (Gamma, Beta, Dirichlet).</summary>
    Implicit,
}
