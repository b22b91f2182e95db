namespace Ppl.Language.Diagnostics;

/// <summary>
/// One message for the user about their model: a code from <see cref="DiagnosticCodes"/>, a severity,
/// a message, where it applies and, optionally, a hint on how to fix it.
/// </summary>
/// <param name="Code">Stable identifier, e.g. <c>PPL0005</c>; documented in docs/diagnostics.md.</param>
/// <param name="Severity">Error, warning or note.</param>
/// <param name="Message">One line saying what is wrong, in the user's words.</param>
/// <param name="Span">Where it is wrong.</param>
/// <param name="Hint">Optional second line saying what to write instead.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceSpan Span, string? Hint = null)
{
    /// <summary>An error diagnostic.</summary>
    /// <param name="code">The diagnostic code.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="span">Where it is wrong.</param>
    /// <param name="hint">Optional fix.</param>
    /// <returns>The new diagnostic.</returns>
    public static Diagnostic Error(string code, string message, SourceSpan span, string? hint = null) =>
        new(code, Severity.Error, message, span, hint);

    /// <summary>True for <see cref="Severity.Error"/>.</summary>
    public bool IsError => Severity == Severity.Error;
}
