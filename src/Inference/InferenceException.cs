using Ppl.Language.Diagnostics;

namespace Ppl.Inference;

/// <summary>
/// A user-facing failure during inference (a NaN ELBO, a degenerate data set, a model the backend
/// cannot run): carries diagnostics that the CLI prints with exit code 1, never a stack trace.
/// </summary>
public sealed class InferenceException : Exception
{
    /// <summary>Creates the exception from its diagnostics.</summary>
    /// <param name="diagnostics">What went wrong, with source spans where known.</param>
    public InferenceException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics is { Count: > 0 } ? diagnostics[0].Message : "inference failed") =>
        Diagnostics = diagnostics;

    /// <summary>Creates the exception from one diagnostic.</summary>
    /// <param name="diagnostic">What went wrong.</param>
    public InferenceException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    /// <summary>What went wrong.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
