using System.Text.RegularExpressions;
using Ppl.Language.Diagnostics;

namespace Ppl.Compiler.Tests.Golden;

/// <summary>
/// Each Golden/bad/*.ppl is a model with semantic mistakes (names, types, shapes, distributions,
/// guide) that states its expected diagnostics in <c>// expect-error: line:col message</c> comments at
/// its end (the language tests' convention); Golden/bad/*.out holds the full rendered text (source
/// line, caret, hint). <c>PPL_UPDATE_GOLDENS=1</c> rewrites both.
/// </summary>
public sealed partial class BadModelGoldenTests
{
    private const string ExpectPrefix = "// expect-error: ";

    public static TheoryData<string> Files() =>
        [.. Directory.EnumerateFiles(Path.Combine(GoldenPaths.Golden, "bad"), "*.ppl").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void There_are_at_least_twenty_five_bad_models() => Assert.True(Files().Count >= 25);

    [Theory]
    [MemberData(nameof(Files))]
    public void Diagnostics_match_the_expect_error_comments(string name)
    {
        var path = Path.Combine(GoldenPaths.Golden, "bad", name);
        var source = File.ReadAllText(path).ReplaceLineEndings("\n");
        var result = Compilation.Compile(source, name);
        var rendered = DiagnosticRenderer.Render(result.Diagnostics, result.Source);
        var actual = rendered.Split('\n').Select(l => HeaderPattern().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups["pos"].Value} {m.Groups["message"].Value}").ToList();
        Assert.Null(result.Ir);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("PPL0", d.Code, StringComparison.Ordinal));
        Assert.All(result.Diagnostics, d => Assert.Matches("^PPL0[12]", d.Code));
        if (GoldenPaths.Update)
        {
            var kept = source.Split('\n').Where(l => !l.StartsWith(ExpectPrefix, StringComparison.Ordinal)).ToList();
            while (kept.Count > 0 && kept[^1].Length == 0)
            {
                kept.RemoveAt(kept.Count - 1);
            }
            File.WriteAllText(path, string.Join('\n', kept.Concat(actual.Select(a => ExpectPrefix + a))) + "\n");
            File.WriteAllText(Path.ChangeExtension(path, ".out"), rendered);
            return;
        }
        var expected = source.Split('\n').Where(l => l.StartsWith(ExpectPrefix, StringComparison.Ordinal))
            .Select(l => l[ExpectPrefix.Length..]).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(path, ".out")).ReplaceLineEndings("\n"), rendered);
    }

    [GeneratedRegex(@"^(?<file>[^:]+):(?<pos>\d+:\d+): error PPL\d{4}: (?<message>.*)$")]
    private static partial Regex HeaderPattern();
}
