using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Planning;

/// <summary>Whether one backend can run the model, and why (or why not).</summary>
/// <param name="Backend">The backend.</param>
/// <param name="CanRun">True when the model satisfies the backend's rules.</param>
/// <param name="Reason">Why: for a rejection, the statement that rules it out and the rule it breaks.</param>
/// <param name="Statement">The statement that rules the backend out, or null.</param>
public sealed record BackendVerdict(Backend Backend, bool CanRun, string Reason, IrNode? Statement = null);
