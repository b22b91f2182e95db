using Ppl.Compiler.Ir;
using Ppl.Compiler.Lowering;
using Ppl.Compiler.Semantics;
using Ppl.Language;
using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;

namespace Ppl.Compiler;

/// <summary>What compiling a model gives: the AST, the IR (null when there are errors) and every diagnostic.</summary>
/// <param name="Source">The source text (for rendering diagnostics).</param>
/// <param name="Ast">The AST.</param>
/// <param name="Ir">The Model IR, or null when any diagnostic is an error.</param>
/// <param name="Diagnostics">Syntax, name, type and shape diagnostics, in file order.</param>
public sealed record CompilationResult(string Source, ModelFile Ast, ModelIr? Ir, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// The compiler's pipeline, one stage after another (STYLE.md, principle 1):
/// parse → AST → bind → check → lower → Model IR. Each stage is a pure function of its input.
/// </summary>
public static class Compilation
{
    /// <summary>Compiles a model's text.</summary>
    /// <param name="source">The <c>.ppl</c> text.</param>
    /// <param name="file">The file name used in spans and messages.</param>
    /// <param name="sizes">Data-bound sizes, when data is given: shape messages then show values (<c>[N] = [100]</c>).</param>
    /// <returns>The AST, the IR (null with errors) and the diagnostics.</returns>
    public static CompilationResult Compile(string source, string file, SizeBindings? sizes = null) =>
        Compile(SyntaxParser.Parse(source, file), sizes);

    /// <summary>Reads and compiles a model file; a missing file is a diagnostic.</summary>
    /// <param name="path">The <c>.ppl</c> file.</param>
    /// <param name="sizes">Data-bound sizes, for messages.</param>
    /// <returns>The AST, the IR (null with errors) and the diagnostics.</returns>
    public static CompilationResult CompileFile(string path, SizeBindings? sizes = null) =>
        Compile(SyntaxParser.ParseFile(path), sizes);

    /// <summary>Runs the stages after parsing.</summary>
    /// <param name="parsed">The parser's result.</param>
    /// <param name="sizes">Data-bound sizes, for messages.</param>
    /// <returns>The compilation result.</returns>
    public static CompilationResult Compile(ParseResult parsed, SizeBindings? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.HasErrors)
        {
            return new CompilationResult(parsed.Source, parsed.Model, null, parsed.Diagnostics);
        }
        var facts = CatalogDistributionFacts.Instance;
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(parsed.Diagnostics);
        var bound = Binder.Bind(parsed.Model, facts, diagnostics);
        var typed = TypeChecker.Check(bound, facts, diagnostics, sizes ?? SizeBindings.Empty);
        var ir = diagnostics.HasErrors ? null : Lowerer.Lower(typed);
        return new CompilationResult(parsed.Source, parsed.Model, ir, diagnostics.Sorted());
    }
}
