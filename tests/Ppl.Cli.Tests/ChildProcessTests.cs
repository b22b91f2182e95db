using System.Diagnostics;

namespace Ppl.Cli.Tests;

/// <summary>The built <c>ppl</c> run as a child process: exit codes, stdout vs stderr, the REPL through stdin.</summary>
public sealed class ChildProcessTests
{
    private static (int Exit, string Out, string Err) Ppl(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ppl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "ppl did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Repl_reads_stdin_and_reports_mistakes_on_stderr()
    {
        var (exit, output, error) = Ppl("theta ~ Beta(1, 1)\n:help\n:frobnicate\nx ~ Normal(nope, 1)\n:model\n", "repl");
        Assert.Equal(0, exit);
        Assert.Contains(":infer [method]", output, StringComparison.Ordinal);
        Assert.Contains("theta ~ Beta(1, 1)", output, StringComparison.Ordinal);
        Assert.Contains("unknown command ':frobnicate'", error, StringComparison.Ordinal);
        Assert.Contains("nope", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown command", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_writes_csv_to_stdout_and_exit_codes_follow_the_contract()
    {
        var directory = Directory.CreateTempSubdirectory("ppl-child-");
        var model = Path.Combine(directory.FullName, "m.ppl");
        File.WriteAllText(model, "mu ~ Normal(0, 1)\n");
        var (exit, output, error) = Ppl(null, "sample", model, "-n", "3");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Equal(4, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var (missingExit, missingOut, missingErr) = Ppl(null, "sample", Path.Combine(directory.FullName, "absent.ppl"));
        Assert.Equal(1, missingExit);
        Assert.Empty(missingOut);
        Assert.NotEmpty(missingErr);

        var (badExit, _, badErr) = Ppl(null, "sample", model, "--from", "nowhere");
        Assert.NotEqual(0, badExit);
        Assert.NotEmpty(badErr);
    }
}
