using System.Text.RegularExpressions;
using Ppl.Language.Diagnostics;

namespace Ppl.Language.Tests;

/// <summary>
/// Each Golden/bad/*.ppl states its expected diagnostics in <c>// expect-error: line:col message</c>
/// comments (at the end of the file, so that rewriting them moves nothing); Golden/bad/*.out holds
/// the full rendered text (source line, caret, hint). <c>PPL_UPDATE_GOLDENS=1</c> rewrites both.
/// </summary>
public sealed partial class BadInputGoldenTests
{
    private const string ExpectPrefix = "// expect-error: ";

    public static TheoryData<string> Files() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Golden, "bad"), "*.ppl").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void There_are_at_least_fifteen_bad_inputs() => Assert.True(Files().Count >= 15);

    [Theory]
    [MemberData(nameof(Files))]
    public void Diagnostics_match_the_expect_error_comments(string name)
    {
        var path = Path.Combine(RepoPaths.Golden, "bad", name);
        var source = File.ReadAllText(path).ReplaceLineEndings("\n");
        var result = SyntaxParser.Parse(source, name);
        var rendered = DiagnosticRenderer.Render(result.Diagnostics, result.Source);
        var actual = HeaderLines(rendered, name);

        if (RepoPaths.UpdateGoldens)
        {
            Rewrite(path, source, actual, rendered);
            return;
        }

        var expected = source.Split('\n').Where(l => l.StartsWith(ExpectPrefix, StringComparison.Ordinal))
            .Select(l => l[ExpectPrefix.Length..]).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(path, ".out")).ReplaceLineEndings("\n"), rendered);
    }

    /// <summary>"line:col message" from each "file:line:col: error PPLxxxx: message" header of the rendered text.</summary>
    private static List<string> HeaderLines(string rendered, string file) =>
        [.. rendered.Split('\n')
            .Select(l => HeaderPattern().Match(l))
            .Where(m => m.Success && m.Groups["file"].Value == file)
            .Select(m => $"{m.Groups["pos"].Value} {m.Groups["message"].Value}")];

    private static void Rewrite(string path, string source, List<string> actual, string rendered)
    {
        var kept = source.Split('\n').Where(l => !l.StartsWith(ExpectPrefix, StringComparison.Ordinal)).ToList();
        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        var text = string.Join('\n', kept.Concat(actual.Select(a => ExpectPrefix + a))) + "\n";
        File.WriteAllText(path, text);
        File.WriteAllText(Path.ChangeExtension(path, ".out"), rendered);
    }

    [GeneratedRegex(@"^(?<file>[^:]+):(?<pos>\d+:\d+): error PPL\d{4}: (?<message>.*)$")]
    private static partial Regex HeaderPattern();
}
