using Ppl.Compiler.Ir;
using Ppl.Language.Diagnostics;

namespace Ppl.Compiler.Tests.Semantics;

internal static class CompileHelper
{
    /// <summary>Compiles a model that must be clean, failing with its rendered diagnostics otherwise.</summary>
    public static ModelIr Clean(string source)
    {
        var result = Compilation.Compile(source, "test.ppl");
        Assert.True(result.Diagnostics.Count == 0, DiagnosticRenderer.Render(result.Diagnostics, result.Source));
        return result.Ir!;
    }

    /// <summary>The messages of a model's diagnostics.</summary>
    public static List<string> Messages(string source, SizeBindings? sizes = null) =>
        [.. Compilation.Compile(source, "test.ppl", sizes).Diagnostics.Select(d => d.Message)];
}
