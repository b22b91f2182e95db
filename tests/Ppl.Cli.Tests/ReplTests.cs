using System.Xml.Linq;
using Ppl.Cli.Repl;

namespace Ppl.Cli.Tests;

/// <summary><c>ppl repl</c> driven through a reader, as stdin drives it when redirected.</summary>
public sealed class ReplTests
{
    private static (string Out, string Err) Drive(string input, int steps = 0)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using (var session = new ReplSession(StandInBackend.Registry(steps), output, error))
        {
            Assert.Equal(0, session.Run(new PlainLineSource(new StringReader(input))));
        }
        return (output.ToString(), error.ToString());
    }

    [Fact]
    public void Statements_typed_one_by_one_build_the_model_and_a_plate_block_may_span_lines()
    {
        var (output, error) = Drive("data flips: bool[N]\ntheta ~ Beta(1, 1)\nplate n in N {\n  flips[n] ~ Bernoulli(theta)\n}\n:model\n");
        Assert.Empty(error);
        Assert.Contains("theta ~ Beta(1, 1)", output, StringComparison.Ordinal);
        Assert.Contains("flips[n] ~ Bernoulli(theta)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistake_is_a_diagnostic_and_the_session_goes_on()
    {
        var (output, error) = Drive("theta ~ Beta(1, 1)\nphi ~ Normal(undefined_thing, 1)\n:bogus\n:show theta\nx ~ Normal(theta, 1)\n:model\n");
        Assert.Contains("undefined_thing", error, StringComparison.Ordinal);
        Assert.Contains("the statement was not added", error, StringComparison.Ordinal);
        Assert.Contains("unknown command ':bogus'", error, StringComparison.Ordinal);
        Assert.Contains("there is no result yet", error, StringComparison.Ordinal);
        // The rejected statement is not in the model; the one after the mistakes is.
        Assert.DoesNotContain("phi", output, StringComparison.Ordinal);
        Assert.Contains("x ~ Normal(theta, 1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_data_infer_show_sample_plot_and_reset()
    {
        var model = StandInBackend.WriteCoin();
        var data = Path.ChangeExtension(model, ".json");
        var svg = Path.Combine(Path.GetDirectoryName(model)!, "theta.svg");
        var trace = Path.Combine(Path.GetDirectoryName(model)!, "trace.svg");
        var (output, error) = Drive(
            $":load {model}\n:data flips = {data}\n:infer\n:show theta\n:sample 5\n:plot theta {svg}\n:plot trace {trace}\n:explain\n:reset\n:model\n:quit\n:model\n",
            steps: 20);
        Assert.Contains("loaded", output, StringComparison.Ordinal);
        Assert.Contains("data: flips", output, StringComparison.Ordinal);
        Assert.Contains("theta", output, StringComparison.Ordinal);
        Assert.Contains("Beta", output, StringComparison.Ordinal);
        // :sample 5 prints a header (theta, then the replicated flips) and five draws, theta in (0, 1).
        var lines = output.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("theta,flips[rep].0,", StringComparison.Ordinal));
        Assert.True(header >= 0, output);
        var draws = lines.Skip(header + 1).Take(5).Select(l => double.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(draws, d => Assert.InRange(d, 0, 1));
        XDocument.Load(svg);
        XDocument.Load(trace);
        Assert.Contains("model, data and result forgotten", output, StringComparison.Ordinal);
        Assert.Contains("(the model is empty)", output, StringComparison.Ordinal);
        // :quit ends the session: the :model after it does not run, so "empty" is printed once.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, @"\(the model is empty\)"));
        // Progress is written as plain lines to the error writer (not a terminal).
        Assert.Contains("objective", error, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_check_their_arguments()
    {
        var (_, error) = Drive(":load\n:load /no/such/file.ppl\n:data\n:data x = /no/such.json\n:infer\n:infer bogus\n:sample -3\n:plot theta\n");
        Assert.Contains(":load needs a file", error, StringComparison.Ordinal);
        Assert.Contains("not loaded", error, StringComparison.Ordinal);
        Assert.Contains(":data needs a file", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.Contains("the model is empty", error, StringComparison.Ordinal);
        Assert.Contains("N must be a positive whole number", error, StringComparison.Ordinal);
        Assert.Contains(":plot needs a name and a file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var (output, _) = Drive(":help\n");
        foreach (var command in new[] { ":load", ":data", ":infer", ":show", ":sample", ":explain", ":plot", ":reset", ":help" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }
}
