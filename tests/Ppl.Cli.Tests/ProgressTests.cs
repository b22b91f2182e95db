using Ppl.Cli.Progress;
using Ppl.Inference;

namespace Ppl.Cli.Tests;

/// <summary>Progress: plain lines every ~10% when not a terminal; a live bar redrawn in place otherwise.</summary>
public sealed class ProgressTests
{
    [Fact]
    public void Redirected_progress_is_one_plain_line_per_tenth()
    {
        using var writer = new StringWriter();
        var reporter = new ProgressReporter(writer, live: false);
        for (var i = 1; i <= 1000; i++)
        {
            reporter.Report(new InferenceProgress(i, 1000, -1000.0 / i, "epoch 1/1"));
        }
        reporter.Finish();
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Deciles 0 (first report) through 10 (the last): eleven lines, no carriage returns.
        Assert.Equal(11, lines.Length);
        Assert.DoesNotContain('\r', writer.ToString());
        Assert.StartsWith("[", lines[0], StringComparison.Ordinal);
        Assert.Contains("100%  1000/1000", lines[^1], StringComparison.Ordinal);
        Assert.Contains("objective -1", lines[^1], StringComparison.Ordinal);
        Assert.Contains("ETA", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_total_plain_lines_come_every_hundred_iterations()
    {
        using var writer = new StringWriter();
        var reporter = new ProgressReporter(writer, live: false);
        for (var i = 1; i <= 250; i++)
        {
            reporter.Report(new InferenceProgress(i, null, -i, ""));
        }
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["iteration 1  objective -1", "iteration 101  objective -101", "iteration 201  objective -201"], lines);
    }

    [Fact]
    public void Live_progress_redraws_one_line_and_ends_it()
    {
        using var writer = new StringWriter();
        using (var reporter = new ProgressReporter(writer, live: true))
        {
            reporter.Report(new InferenceProgress(1, 10, -5, ""));
            reporter.Report(new InferenceProgress(10, 10, -2, ""));
            reporter.Finish();
        }
        var text = writer.ToString();
        Assert.StartsWith("\r[", text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Contains("10/10", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Early_convergence_ends_the_plain_lines_at_the_real_count()
    {
        using var writer = new StringWriter();
        var reporter = new ProgressReporter(writer, live: false);
        for (var i = 1; i <= 37; i++)
        {
            reporter.Report(new InferenceProgress(i, 1000, -100.0 + i, "vmp"));
        }
        reporter.Finish(new RunOutcome(Converged: true, Iterations: 37));
        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        // The first report (decile 0) and the converged end; never the cap as the last count.
        Assert.Equal(2, lines.Length);
        Assert.Contains("1/1000", lines[0], StringComparison.Ordinal);
        Assert.Equal("[" + new string('#', 30) + "]  100%  37/37  converged (cap 1000)  objective -63", lines[1]);
    }

    [Fact]
    public void A_run_that_hits_its_cap_is_not_marked_converged()
    {
        using var writer = new StringWriter();
        var reporter = new ProgressReporter(writer, live: false);
        for (var i = 1; i <= 10; i++)
        {
            reporter.Report(new InferenceProgress(i, 10, -i, ""));
        }
        reporter.Finish(new RunOutcome(Converged: false, Iterations: 10));
        var text = writer.ToString();
        Assert.DoesNotContain("converged", text, StringComparison.Ordinal);
        Assert.Contains("100%  10/10", text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Live_bar_of_an_early_convergence_ends_full_at_the_real_count()
    {
        using var writer = new StringWriter();
        using (var reporter = new ProgressReporter(writer, live: true))
        {
            reporter.Report(new InferenceProgress(1, 1000, -5, "vmp"));
            reporter.Report(new InferenceProgress(2, 1000, -4, "vmp"));
            reporter.Finish(new RunOutcome(Converged: true, Iterations: 2));
        }
        var text = writer.ToString();
        var final = text[(text.LastIndexOf('\r') + 1)..];
        Assert.StartsWith("[" + new string('#', 30) + "]  100%  2/2  converged (cap 1000)", final, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
    }
}
