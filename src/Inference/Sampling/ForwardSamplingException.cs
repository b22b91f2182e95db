using Ppl.Language;

namespace Ppl.Inference.Sampling;

/// <summary>The model uses something forward sampling does not cover (a network, a param without an initial value).</summary>
public sealed class ForwardSamplingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is not covered.</param>
    /// <param name="span">Where in the model, when known.</param>
    public ForwardSamplingException(string message, SourceSpan? span)
        : base(message) => Span = span;

    /// <summary>Creates the exception without a location.</summary>
    public ForwardSamplingException()
    {
    }

    /// <summary>Creates the exception without a location.</summary>
    /// <param name="message">What is not covered.</param>
    public ForwardSamplingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    /// <param name="message">What is not covered.</param>
    /// <param name="inner">The cause.</param>
    public ForwardSamplingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Where in the model, when known.</summary>
    public SourceSpan? Span { get; }
}
