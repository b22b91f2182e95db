using System.Collections.Immutable;
using Ppl.Compiler.Analysis;
using Ppl.Language.Diagnostics;

namespace Ppl.Compiler.Planning;

/// <summary>The planner's decision: the backend that will run the model, and a verdict for every backend.</summary>
/// <param name="Analysis">The analyses the decision rests on.</param>
/// <param name="Chosen">The backend chosen, or null when none can run the model (or the requested one cannot).</param>
/// <param name="Requested">The backend the user asked for with <c>--method</c>, or null for automatic.</param>
/// <param name="Verdicts">One verdict per backend, in preference order (em, vmp, svi).</param>
/// <param name="Diagnostics">Errors when no backend, or not the requested one, can run the model.</param>
public sealed record Plan(
    ModelAnalysis Analysis,
    Backend? Chosen,
    Backend? Requested,
    ImmutableArray<BackendVerdict> Verdicts,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The verdict on <paramref name="backend"/>.</summary>
    /// <param name="backend">A backend.</param>
    /// <returns>Its verdict.</returns>
    public BackendVerdict Verdict(Backend backend) => Verdicts.First(v => v.Backend == backend);

    /// <summary>True when a backend was chosen.</summary>
    public bool Succeeded => Chosen is not null;
}
