using Ppl.Compiler.Binding;
using Ppl.Compiler.Fluent;
using Ppl.Compiler.Tests.Fluent;
using Ppl.StdLib.Data;

namespace Ppl.Compiler.Tests.Binding;

/// <summary>
/// Golden data errors: each Golden/data-errors/CASE.ppl (a valid model) with its CASE.json or CASE.csv
/// (bad data) renders exactly CASE.expected — header, quoted data line, caret and hint
/// (rewrite with PPL_UPDATE_GOLDENS=1).
/// </summary>
public sealed class DataErrorGoldenTests
{
    private static readonly string s_folder = Repository.TestFile("Golden", "data-errors");

    public static TheoryData<string> Cases =>
        [.. Directory.GetFiles(s_folder, "*.ppl").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_data_renders_its_golden_diagnostics(string name)
    {
        var text = Render(name);
        Assert.Contains("error PPL03", text, StringComparison.Ordinal);

        var golden = Path.Combine(s_folder, name + ".expected");
        if (Repository.UpdateGoldens || !File.Exists(golden))
        {
            File.WriteAllText(golden, text);
            Assert.True(Repository.UpdateGoldens, $"golden file {golden} was missing and has been written; check it in");
        }

        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void There_are_enough_cases() => Assert.True(Cases.Count >= 15);

    /// <summary>Reads the case's data, binds it, and renders the diagnostics with paths relative to the folder.</summary>
    internal static string Render(string name)
    {
        var modelFile = name + ".ppl";
        var source = File.ReadAllText(Path.Combine(s_folder, modelFile));
        var model = PplModel.Parse(source, modelFile);
        Assert.False(model.HasErrors, model.RenderDiagnostics());

        var dataPath = new[] { ".json", ".csv" }.Select(e => Path.Combine(s_folder, name + e)).Single(File.Exists);
        var read = DataSource.Read(new DataArgument(null, dataPath));
        var diagnostics = read.HasErrors
            ? [.. DataDiagnostics.FromReadErrors(read.Errors)]
            : DataBinder.Bind(model.Ir!, read.Data).Diagnostics;

        return DataDiagnostics.Render(diagnostics, modelFile, source)
            .Replace(s_folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }
}
