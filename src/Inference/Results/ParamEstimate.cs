namespace Ppl.Inference.Results;

/// <summary>A point estimate of a <c>param</c> (maximum likelihood, or type-II ML in conjugate models).</summary>
/// <param name="Name">The param.</param>
/// <param name="Value">Its estimate, in the declared shape.</param>
public sealed record ParamEstimate(string Name, NdArray Value);
