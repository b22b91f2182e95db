namespace Ppl.Cli;

/// <summary>Diagnostic codes of <c>ppl infer</c> itself (PPL05xx); documented in docs/diagnostics.md.</summary>
internal static class InferenceDiagnosticCodes
{
    /// <summary>The planner chose a backend that this build does not contain.</summary>
    public const string BackendUnavailable = "PPL0501";
}
