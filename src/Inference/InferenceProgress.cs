namespace Ppl.Inference;

/// <summary>A progress report from a running backend, for progress bars and logs.</summary>
/// <param name="Iteration">Iterations or steps done.</param>
/// <param name="Total">The cap, when known.</param>
/// <param name="Objective">The current objective (ELBO or log-likelihood).</param>
/// <param name="Phase">What is running, e.g. <c>epoch 3/5</c> or <c>restart 2</c>.</param>
public readonly record struct InferenceProgress(int Iteration, int? Total, double Objective, string Phase);
