using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ppl.Cli.Tests.Examples;

/// <summary>
/// Runs every example under examples/ through <c>ppl infer</c> in process and checks its key numbers
/// against the expected table in its README.md (<see cref="ExampleReadme"/>). With
/// <c>PPL_UPDATE_EXAMPLES</c> set (scripts/update-example-readmes.sh) it first rewrites each README's
/// output block and its <c>run</c> rows from the current code, then checks the hand-written rows,
/// which no update can rewrite.
/// </summary>
public sealed partial class ExamplesEndToEndTests
{
    /// <summary><c>PPL_UPDATE_EXAMPLES</c>: <c>1</c> updates every README, a comma-separated list of names only those.</summary>
    private static bool ShouldUpdate(string name) => Environment.GetEnvironmentVariable("PPL_UPDATE_EXAMPLES") is { Length: > 0 } names
        && (names == "1" || names.Split(',', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal));

    internal static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Ppl.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Ppl.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every folder of examples/ that holds a model.</summary>
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(System.IO.Path.Combine(Root, "examples")).Order(StringComparer.Ordinal))
        {
            if (Directory.GetFiles(dir, "*.ppl").Length > 0)
            {
                data.Add(System.IO.Path.GetFileName(dir));
            }
        }
        return data;
    }

    /// <summary>Runs <c>ppl ARGS</c> in process from the repository root's point of view: paths under examples/ are made absolute, and the root is removed from the output again.</summary>
    internal static string Ppl(string args)
    {
        var arguments = args.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.StartsWith("examples/", StringComparison.Ordinal) || a.Contains("=examples/", StringComparison.Ordinal)
                ? a.Replace("examples/", Root + "/examples/", StringComparison.Ordinal)
                : a)
            .ToArray();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(arguments, output, error);
        Assert.True(exit == 0, $"ppl {args} exited with {exit}:\n{error}");
        return output.ToString().Replace(Root + "/", "", StringComparison.Ordinal);
    }

    [GeneratedRegex("\"seconds\": [^,\\n}]*")]
    private static partial Regex Seconds();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_reproduces_the_key_numbers_in_its_readme(string name)
    {
        var path = System.IO.Path.Combine(Root, "examples", name, "README.md");
        Assert.True(File.Exists(path), $"examples/{name} has no README.md");
        var readme = ExampleReadme.Load(path);
        Assert.NotEmpty(readme.Rows);
        Assert.StartsWith("infer ", readme.ExpectedArgs, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(Ppl(readme.ExpectedArgs + " --json"));
        if (ShouldUpdate(name))
        {
            var text = readme.WithOutput(Ppl(readme.OutputArgs));
            text = readme.WithRecorded(text, q => JsonQuantity.Resolve(json.RootElement, q));
            File.WriteAllText(path, text);
            readme = ExampleReadme.Load(path);
        }

        var failures = new List<string>();
        foreach (var row in readme.Rows)
        {
            var actual = JsonQuantity.Resolve(json.RootElement, row.Quantity);
            var allowed = row.Tolerance.Allowed(row.Expected);
            if (!(Math.Abs(actual - row.Expected) <= allowed))
            {
                failures.Add($"{row.Quantity} = {actual:G10}, expected {row.Expected:G10} ± {allowed:G3} ({row.Source}: {row.Why})");
            }
        }
        Assert.True(failures.Count == 0, $"examples/{name}/README.md, `ppl {readme.ExpectedArgs} --json`:\n" + string.Join('\n', failures));
    }

    /// <summary>The premise of the SVI examples' tight tolerances: the same seed gives the same numbers, bit for bit.</summary>
    [Fact]
    public void Svi_with_a_fixed_seed_is_deterministic()
    {
        const string args = "infer examples/logistic-regression/logistic-regression.ppl --steps 300 --seed 5 --json";
        var first = Seconds().Replace(Ppl(args), "");
        var second = Seconds().Replace(Ppl(args), "");
        Assert.Contains("\"method\": \"svi\"", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }
}
