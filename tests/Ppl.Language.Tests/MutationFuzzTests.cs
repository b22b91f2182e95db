using System.Text.RegularExpressions;
using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;

namespace Ppl.Language.Tests;

/// <summary>
/// Random token-level mutations of the example models (delete, duplicate, swap, insert) never make
/// the front end throw: every outcome is an AST plus diagnostics, and every diagnostic points into
/// the file and renders.
/// </summary>
public sealed partial class MutationFuzzTests
{
    private const int Mutants = 4000;

    /// <summary>Tokens worth inserting: keywords, brackets, operators, and characters the language lacks.</summary>
    private static readonly string[] _inserts =
    [
        "data", "const", "param", "let", "plate", "in", "batch", "net", "guide", "real", "cov", "mlp",
        "(", ")", "[", "]", "{", "}", ",", ":", ";", "~", "=", "->", "+", "-", "*", "/", "^", "@",
        "\n", "x", "1e-2", "0.5", "$", "/*", "*/", "//", "#", "\"", "1e999", "Normal(", "act:",
    ];

    [Fact]
    public void Mutated_examples_give_diagnostics_never_exceptions()
    {
        var sources = RepoPaths.ExampleModels().Select(File.ReadAllText).ToArray();
        var random = new Random(20261121);
        var withErrors = 0;
        for (var i = 0; i < Mutants; i++)
        {
            var tokens = Tokens(sources[random.Next(sources.Length)]);
            var edits = 1 + random.Next(3);
            for (var e = 0; e < edits; e++)
            {
                Mutate(tokens, random);
            }

            var source = string.Concat(tokens);
            var result = SyntaxParser.Parse(source, "mutant.ppl");
            var lineCount = source.Split('\n').Length;
            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.True(diagnostic.Span.Line >= 1 && diagnostic.Span.Line <= lineCount,
                    $"diagnostic outside the file: {DiagnosticRenderer.Header(diagnostic)}\n--- source ---\n{source}");
                Assert.StartsWith("PPL00", diagnostic.Code, StringComparison.Ordinal);
                Assert.DoesNotContain("mismatched input", diagnostic.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("<missing", diagnostic.Message, StringComparison.Ordinal);
            }

            var headers = result.Diagnostics.Select(DiagnosticRenderer.Header).ToList();
            Assert.True(headers.Count == headers.Distinct().Count(),
                $"the same diagnostic twice:\n{string.Join('\n', headers)}\n--- source ---\n{source}");
            Assert.NotNull(DiagnosticRenderer.Render(result.Diagnostics, result.Source));
            Assert.NotNull(AstDump.Of(result.Model));
            withErrors += result.HasErrors ? 1 : 0;
        }

        // The mutations must actually exercise error paths, not only harmless whitespace edits.
        Assert.True(withErrors > Mutants / 2, $"only {withErrors} of {Mutants} mutants had errors");
    }

    [Fact]
    public void A_single_token_mistake_gives_one_message_not_a_cascade()
    {
        var sources = RepoPaths.ExampleModels().Select(File.ReadAllText).ToArray();
        var random = new Random(5);
        const int trials = 1000;
        var two = 0;
        for (var i = 0; i < trials; i++)
        {
            var tokens = Tokens(sources[random.Next(sources.Length)]);
            Mutate(tokens, random);
            var result = SyntaxParser.Parse(string.Concat(tokens), "mutant.ppl");
            Assert.True(result.Diagnostics.Count <= 2,
                $"a cascade:\n{DiagnosticRenderer.Render(result.Diagnostics, result.Source)}");
            two += result.Diagnostics.Count == 2 ? 1 : 0;
        }

        // Two messages are right when one edit breaks two lines (e.g. swapping a newline with a
        // name); they must stay rare.
        Assert.True(two < trials / 20, $"{two} of {trials} single edits gave two messages");
    }

    /// <summary>Splits source into tokens, keeping whitespace and comments as tokens so that concatenation restores it.</summary>
    private static List<string> Tokens(string source) =>
        [.. TokenPattern().Matches(source).Select(m => m.Value)];

    private static void Mutate(List<string> tokens, Random random)
    {
        var i = random.Next(tokens.Count);
        switch (random.Next(4))
        {
            case 0:
                tokens.RemoveAt(i);
                break;
            case 1:
                tokens.Insert(i, tokens[i]);
                break;
            case 2 when i + 1 < tokens.Count:
                (tokens[i], tokens[i + 1]) = (tokens[i + 1], tokens[i]);
                break;
            default:
                tokens.Insert(i, " " + _inserts[random.Next(_inserts.Length)] + " ");
                break;
        }

        if (tokens.Count == 0)
        {
            tokens.Add(" ");
        }
    }

    [GeneratedRegex(@"//[^\n]*|[A-Za-z_][A-Za-z_0-9]*|[0-9.]+(?:[eE][+-]?[0-9]+)?|->|\s+|.")]
    private static partial Regex TokenPattern();
}
