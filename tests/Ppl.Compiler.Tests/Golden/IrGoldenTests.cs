using Ppl.Compiler.Ir;
using Ppl.Language.Diagnostics;

namespace Ppl.Compiler.Tests.Golden;

/// <summary>
/// Every example model (the DESIGN.md models and the seeds') compiles without diagnostics, and its IR
/// dump equals Golden/ir/NAME.ir. <c>PPL_UPDATE_GOLDENS=1</c> rewrites the dumps.
/// </summary>
public sealed class IrGoldenTests
{
    [Theory]
    [MemberData(nameof(GoldenPaths.ExampleModels), MemberType = typeof(GoldenPaths))]
    public void Example_compiles_to_the_golden_IR(string example)
    {
        var path = Path.Combine(GoldenPaths.Examples, example);
        var source = File.ReadAllText(path).ReplaceLineEndings("\n");
        var result = Compilation.Compile(source, Path.GetFileName(path));
        Assert.True(result.Diagnostics.Count == 0, DiagnosticRenderer.Render(result.Diagnostics, result.Source));
        Assert.NotNull(result.Ir);
        var dump = IrPrinter.Print(result.Ir);
        var golden = Path.Combine(GoldenPaths.Golden, "ir", Path.GetFileNameWithoutExtension(path) + ".ir");
        if (GoldenPaths.Update)
        {
            File.WriteAllText(golden, dump);
            return;
        }
        Assert.True(File.Exists(golden), $"no golden {golden}; run with PPL_UPDATE_GOLDENS=1");
        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), dump);
    }
}
