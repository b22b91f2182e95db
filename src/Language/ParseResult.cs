using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;

namespace Ppl.Language;

/// <summary>What the front end makes of one source text: the AST and every diagnostic, in file order.</summary>
/// <param name="Source">The source text (for rendering diagnostics).</param>
/// <param name="Model">
/// The AST. With syntax errors it holds the statements that parsed cleanly; later stages should not
/// run on it unless <see cref="HasErrors"/> is false.
/// </param>
/// <param name="Diagnostics">Diagnostics sorted by position.</param>
public sealed record ParseResult(string Source, ModelFile Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
