using Ppl.Language;
using Ppl.Language.Diagnostics;

namespace Ppl.Inference.Em;

/// <summary>Diagnostic codes of the EM backend (PPL07xx); documented in docs/backends/em.md.</summary>
internal static class EmDiagnostics
{
    /// <summary>The planner let through a model whose shape the EM backend does not run.</summary>
    public const string Unsupported = "PPL0701";

    /// <summary>The data cannot support the model (more components than points, no points).</summary>
    public const string Degenerate = "PPL0702";

    /// <summary>A user-facing failure with <paramref name="code"/>, at <paramref name="span"/>.</summary>
    public static InferenceException Error(string code, string message, SourceSpan span, string? hint = null) =>
        new(Diagnostic.Error(code, message, span, hint));
}
