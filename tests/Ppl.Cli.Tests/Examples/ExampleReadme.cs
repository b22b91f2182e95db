using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ppl.Cli.Tests.Examples;

/// <summary>
/// The machine-readable parts of an example's README.md:
/// <c>&lt;!-- output:begin ARGS --&gt;</c> … <c>&lt;!-- output:end --&gt;</c> holds the real output of
/// <c>ppl ARGS</c>, and <c>&lt;!-- expected:begin ARGS --&gt;</c> … <c>&lt;!-- expected:end --&gt;</c> a table
/// <c>| quantity | expected | tolerance | source | why |</c> of key numbers that <c>ppl ARGS --json</c> must
/// reproduce. Rows whose source is <c>run</c> are recorded from a run (and re-recorded by
/// <c>scripts/update-example-readmes.sh</c>); every other row (closed form, fixture, peer, truth) is
/// written by hand from an independent reference and never rewritten.
/// </summary>
internal sealed partial class ExampleReadme
{
    /// <summary>The source of rows recorded from a run.</summary>
    public const string RunSource = "run";

    private ExampleReadme(string path, string text, string outputArgs, string expectedArgs, IReadOnlyList<ExpectedRow> rows)
    {
        Path = path;
        Text = text;
        OutputArgs = outputArgs;
        ExpectedArgs = expectedArgs;
        Rows = rows;
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The arguments whose human output the README shows (after <c>ppl</c>).</summary>
    public string OutputArgs { get; }

    /// <summary>The arguments the end-to-end test runs (with <c>--json</c> appended).</summary>
    public string ExpectedArgs { get; }

    public IReadOnlyList<ExpectedRow> Rows { get; }

    [GeneratedRegex(@"<!-- output:begin (?<args>[^>]*?) -->\n(?<body>.*?)<!-- output:end -->", RegexOptions.Singleline)]
    private static partial Regex OutputBlock();

    [GeneratedRegex(@"<!-- expected:begin (?<args>[^>]*?) -->\n(?<body>.*?)<!-- expected:end -->", RegexOptions.Singleline)]
    private static partial Regex ExpectedBlock();

    public static ExampleReadme Load(string path)
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var output = OutputBlock().Match(text);
        var expected = ExpectedBlock().Match(text);
        if (!output.Success || !expected.Success)
        {
            throw new InvalidDataException($"{path}: needs both an output and an expected block");
        }

        var rows = new List<ExpectedRow>();
        foreach (var line in expected.Groups["body"].Value.Split('\n'))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
            if (cells.Length < 5 || cells[0] is "quantity" || cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }
            rows.Add(new ExpectedRow(cells[0], cells[1], Tolerance.Parse(cells[2]), cells[3], cells[4]));
        }
        return new ExampleReadme(path, text, output.Groups["args"].Value, expected.Groups["args"].Value, rows);
    }

    /// <summary>The README with its output block replaced by <paramref name="output"/>.</summary>
    public string WithOutput(string output)
    {
        var block = $"<!-- output:begin {OutputArgs} -->\n```text\n$ ppl {OutputArgs}\n{output.TrimEnd('\n')}\n```\n<!-- output:end -->";
        return OutputBlock().Replace(Text, _ => block, 1);
    }

    /// <summary>The README with each <c>run</c> row's expected value replaced by <paramref name="recorded"/>'s.</summary>
    public string WithRecorded(string text, Func<string, double> recorded)
    {
        var builder = new StringBuilder();
        builder.Append("| quantity | expected | tolerance | source | why |\n| --- | --- | --- | --- | --- |\n");
        foreach (var row in Rows)
        {
            var value = row.Source == RunSource ? recorded(row.Quantity).ToString("G10", CultureInfo.InvariantCulture) : row.ExpectedText;
            builder.Append(CultureInfo.InvariantCulture, $"| `{row.Quantity}` | {value} | {row.Tolerance.Text} | {row.Source} | {row.Why} |\n");
        }
        var block = $"<!-- expected:begin {ExpectedArgs} -->\n{builder}<!-- expected:end -->";
        return ExpectedBlock().Replace(text, _ => block, 1);
    }
}

/// <summary>One key number: a path into the JSON of <c>ppl infer --json</c>, its value (as written) and tolerance.</summary>
internal sealed record ExpectedRow(string Quantity, string ExpectedText, Tolerance Tolerance, string Source, string Why)
{
    public double Expected { get; } = double.Parse(ExpectedText, CultureInfo.InvariantCulture);
}

/// <summary>A tolerance written <c>1e-6 rel</c> (relative to the expected value) or <c>0.5 abs</c>.</summary>
internal readonly record struct Tolerance(double Amount, bool Relative, string Text)
{
    public static Tolerance Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[1] is not ("rel" or "abs"))
        {
            throw new FormatException($"tolerance '{text}' is not 'X rel' or 'X abs'");
        }
        return new Tolerance(double.Parse(parts[0], CultureInfo.InvariantCulture), parts[1] == "rel", string.Join(' ', parts));
    }

    /// <summary>The largest allowed |actual − expected|; a relative tolerance has a floor of 1e-12 for expected values of 0.</summary>
    public double Allowed(double expected) => Relative ? Math.Max(Amount * Math.Abs(expected), 1e-12) : Amount;
}
