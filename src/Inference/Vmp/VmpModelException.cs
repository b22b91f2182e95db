namespace Ppl.Inference.Vmp;

/// <summary>
/// A model the planner let through but the message-passing engine cannot run as written; the backend
/// turns it into a user diagnostic (never a stack trace, never a silent wrong answer).
/// </summary>
public sealed class VmpModelException : Exception
{
    /// <summary>An exception with a message for the user.</summary>
    /// <param name="message">What the engine cannot do, in the model's words.</param>
    public VmpModelException(string message)
        : base(message)
    {
    }

    /// <summary>An exception with no message.</summary>
    public VmpModelException()
    {
    }

    /// <summary>An exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public VmpModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
