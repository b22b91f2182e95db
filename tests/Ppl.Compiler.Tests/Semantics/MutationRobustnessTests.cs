using System.Text.RegularExpressions;
using Ppl.Compiler.Tests.Golden;

namespace Ppl.Compiler.Tests.Semantics;

/// <summary>
/// Random token mutations of the example models (delete, duplicate, swap, replace by another token of
/// the file; fixed seed) never make the compiler throw: every outcome is an IR or diagnostics, and an
/// IR only when there are no errors.
/// </summary>
public sealed partial class MutationRobustnessTests
{
    [Theory]
    [MemberData(nameof(GoldenPaths.ExampleModels), MemberType = typeof(GoldenPaths))]
    public void Mutated_examples_give_diagnostics_not_exceptions(string example)
    {
        var source = File.ReadAllText(Path.Combine(GoldenPaths.Examples, example));
        var tokens = Token().Matches(source).Select(m => m.Value).ToList();
        var random = new Random(20261121 + example.Length);
        for (var trial = 0; trial < 300; trial++)
        {
            var mutated = new List<string>(tokens);
            for (var edits = random.Next(1, 3); edits > 0; edits--)
            {
                if (mutated.Count < 2)
                {
                    break;
                }
                var i = random.Next(mutated.Count);
                var j = random.Next(mutated.Count);
                switch (random.Next(4))
                {
                    case 0:
                        mutated.RemoveAt(i);
                        break;
                    case 1:
                        mutated.Insert(i, tokens[random.Next(tokens.Count)]);
                        break;
                    case 2:
                        (mutated[i], mutated[j]) = (mutated[j], mutated[i]);
                        break;
                    default:
                        mutated[i] = tokens[random.Next(tokens.Count)];
                        break;
                }
            }
            var text = string.Concat(mutated);
            CompilationResult result;
            try
            {
                result = Compilation.Compile(text, "mutated.ppl");
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"compiler threw {e.GetType().Name}: {e.Message}\n--- input ---\n{text}\n{e.StackTrace}");
                return;
            }
            Assert.Equal(result.HasErrors, result.Ir is null);
        }
    }

    [Theory]
    [MemberData(nameof(GoldenPaths.ExampleModels), MemberType = typeof(GoldenPaths))]
    public void Names_and_numbers_swapped_in_examples_give_diagnostics_not_exceptions(string example)
    {
        var source = File.ReadAllText(Path.Combine(GoldenPaths.Examples, example));
        var tokens = Token().Matches(source).Select(m => m.Value).ToList();
        var words = Enumerable.Range(0, tokens.Count).Where(i => char.IsLetterOrDigit(tokens[i][0]) || tokens[i][0] == '_').ToList();
        var vocabulary = words.Select(i => tokens[i]).Distinct().Concat(["0", "1", "2.5", "-1", "N", "D", "Normal", "real", "x"]).ToList();
        var random = new Random(7 + example.Length);
        var reachedChecker = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var mutated = new List<string>(tokens);
            for (var edits = random.Next(1, 3); edits > 0; edits--)
            {
                mutated[words[random.Next(words.Count)]] = vocabulary[random.Next(vocabulary.Count)];
            }
            var text = string.Concat(mutated);
            var parsed = Language.SyntaxParser.Parse(text, "mutated.ppl");
            if (!parsed.HasErrors)
            {
                reachedChecker++;
            }
            try
            {
                var result = Compilation.Compile(parsed);
                Assert.Equal(result.HasErrors, result.Ir is null);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"compiler threw {e.GetType().Name}: {e.Message}\n--- input ---\n{text}\n{e.StackTrace}");
            }
        }
        Assert.True(reachedChecker > 50, $"only {reachedChecker} mutants parsed cleanly");
    }

    [GeneratedRegex(@"\s+|[A-Za-z_][A-Za-z_0-9]*|\d+(\.\d+)?([eE][-+]?\d+)?|->|//[^\n]*|.")]
    private static partial Regex Token();
}
