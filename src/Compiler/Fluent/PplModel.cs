using Ppl.Compiler.Ir;
using Ppl.Compiler.Planning;
using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;

namespace Ppl.Compiler.Fluent;

/// <summary>
/// A compiled model for use from C#: its text, AST, IR (null when it has errors) and diagnostics.
/// <c>PplModel.Parse(text)</c> and <c>PplModel.Load(path)</c> compile <c>.ppl</c> models;
/// <see cref="ModelBuilder.Compile"/> compiles one written in C#.
/// </summary>
public sealed class PplModel
{
    private PplModel(CompilationResult result, string file)
    {
        Result = result;
        File = file;
    }

    /// <summary>The file name used in messages.</summary>
    public string File { get; }

    /// <summary>The model's text.</summary>
    public string Source => Result.Source;

    /// <summary>The AST.</summary>
    public ModelFile Ast => Result.Ast;

    /// <summary>The Model IR, or null when any diagnostic is an error.</summary>
    public ModelIr? Ir => Result.Ir;

    /// <summary>Every diagnostic, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Result.HasErrors;

    /// <summary>The compiler's full result.</summary>
    public CompilationResult Result { get; }

    /// <summary>Compiles a model's text.</summary>
    /// <param name="text">The <c>.ppl</c> text.</param>
    /// <param name="file">The file name for messages.</param>
    /// <returns>The compiled model (check <see cref="HasErrors"/>).</returns>
    public static PplModel Parse(string text, string file = "model.ppl")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        return new PplModel(Compilation.Compile(text, file), file);
    }

    /// <summary>Reads and compiles a <c>.ppl</c> file; a missing file is a diagnostic, not an exception.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The compiled model (check <see cref="HasErrors"/>).</returns>
    public static PplModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new PplModel(Compilation.CompileFile(path), path);
    }

    /// <summary>The diagnostics rendered with source lines and carets.</summary>
    /// <returns>The text (empty when there are none).</returns>
    public string RenderDiagnostics() => DiagnosticRenderer.Render(Diagnostics, Source);

    /// <summary>The IR, or an exception carrying the rendered diagnostics.</summary>
    /// <returns>The IR.</returns>
    /// <exception cref="PplModelException">The model has errors.</exception>
    public ModelIr RequireIr() => Ir ?? throw new PplModelException(RenderDiagnostics());

    /// <summary>Plans the model: the backend and the reasons (see <see cref="Planner"/>).</summary>
    /// <param name="method">A backend to insist on, or null to choose.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="PplModelException">The model has errors.</exception>
    public Plan Plan(Backend? method = null) => Planner.Plan(RequireIr(), method, Source);
}

/// <summary>A model used from C# has errors; the message holds the rendered diagnostics.</summary>
public sealed class PplModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PplModelException()
    {
    }

    /// <summary>Creates the exception with the rendered diagnostics.</summary>
    /// <param name="message">The diagnostics, rendered.</param>
    public PplModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PplModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
