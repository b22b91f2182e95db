namespace Ppl.Compiler.Planning;

/// <summary>Diagnostic codes of the planner (PPL04xx); documented in docs/planner.md.</summary>
public static class PlanningDiagnostics
{
    /// <summary><c>--method</c> names a backend whose rules the model breaks.</summary>
    public const string MethodCannotRun = "PPL0401";

    /// <summary>No backend's rules are met by the model.</summary>
    public const string NoBackend = "PPL0402";
}
