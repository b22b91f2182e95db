using Ppl.Language;

namespace Ppl.Inference.Vmp;

/// <summary>
/// A model the planner let through but the message-passing engine cannot run as written; the backend
/// turns it into a user diagnostic (never a stack trace, never a silent wrong answer).
/// </summary>
internal sealed class VmpModelException : Exception
{
    /// <summary>An exception about the whole model.</summary>
    /// <param name="message">What the engine cannot do, in the model's words.</param>
    public VmpModelException(string message)
        : base(message)
    {
    }

    /// <summary>An exception about one statement.</summary>
    /// <param name="message">What the engine cannot do.</param>
    /// <param name="span">The statement.</param>
    public VmpModelException(string message, SourceSpan span)
        : base(message) => Span = span;

    /// <summary>The statement at fault, if one is.</summary>
    public SourceSpan? Span { get; }
}
