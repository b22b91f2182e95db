using Ppl.Language.Syntax;

namespace Ppl.Language.Tests;

/// <summary>Every example model parses cleanly; some have golden AST dumps under Golden/ast.</summary>
public sealed class ExampleModelTests
{
    public static TheoryData<string> Examples() => [.. RepoPaths.ExampleModels().Select(RepoPaths.Relative)];

    public static TheoryData<string> DumpedExamples() => ["coin", "blr", "gmm", "vb-gmm", "ppca", "vae", "bbb", "rats"];

    [Fact]
    public void Every_model_of_the_design_has_an_example()
    {
        var names = RepoPaths.ExampleModels().Select(Path.GetFileNameWithoutExtension).ToHashSet();
        string[] design = ["coin", "blr", "blr-evidence", "gmm", "vb-gmm", "ppca", "vae", "bbb"];
        Assert.All(design, name => Assert.Contains(name, names));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_parses_without_diagnostics(string relativePath)
    {
        var result = SyntaxParser.ParseFile(Path.Combine(RepoPaths.Root, relativePath));
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Model.Statements);
    }

    [Theory]
    [MemberData(nameof(DumpedExamples))]
    public void Example_ast_matches_its_golden_dump(string name)
    {
        var path = Path.Combine(RepoPaths.Examples, name, name + ".ppl");
        var dump = AstDump.Of(SyntaxParser.Parse(File.ReadAllText(path), name + ".ppl").Model);
        var golden = Path.Combine(RepoPaths.Golden, "ast", name + ".ast");
        if (RepoPaths.UpdateGoldens)
        {
            File.WriteAllText(golden, dump);
            return;
        }

        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), dump);
    }
}
