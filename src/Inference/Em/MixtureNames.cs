namespace Ppl.Inference.Em;

/// <summary>The model's names for a mixture's parts: the indicator, the weights and each component parameter.</summary>
/// <param name="Indicator">The discrete latent, e.g. <c>z</c>.</param>
/// <param name="Weights">The mixing weights param, e.g. <c>weights</c>.</param>
/// <param name="First">The first component parameter (a mean, a probability, a rate), e.g. <c>mu</c>.</param>
/// <param name="Second">The second component parameter (a covariance, variance or sd), or null.</param>
internal sealed record MixtureNames(string Indicator, string Weights, string First, string? Second);
