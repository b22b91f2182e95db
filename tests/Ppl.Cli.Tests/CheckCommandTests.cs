using System.CommandLine;
using System.Diagnostics;

namespace Ppl.Cli.Tests;

/// <summary><c>ppl check</c>: exit codes, and where text goes (results to stdout, diagnostics to stderr).</summary>
public sealed class CheckCommandTests
{
    private static readonly string _root = FindRoot();

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Example(string name) => Path.Combine(_root, "examples", name, name + ".ppl");

    [Theory]
    [InlineData("coin")]
    [InlineData("vae")]
    [InlineData("bbb")]
    [InlineData("vb-gmm")]
    public void Clean_model_exits_0_and_says_ok_on_stdout(string name)
    {
        var (exit, output, error) = Run("check", Example(name));
        Assert.Equal(0, exit);
        Assert.Contains(": ok", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void Model_with_syntax_errors_exits_1_with_rendered_diagnostics_on_stderr()
    {
        var path = WriteTemp("data y: real[N]\nmu = Normal(0, 1)\nsigma ~ Gamma(1, 1\n");
        var (exit, output, error) = Run("check", path);
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains($"{path}:2:4: error PPL0005: '=' is not a sampling statement; did you mean '~'?", error, StringComparison.Ordinal);
        Assert.Contains("   2 | mu = Normal(0, 1)\n     |    ^\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"{path}:3:19: error PPL0004:", error, StringComparison.Ordinal);
        Assert.EndsWith("2 errors" + Environment.NewLine, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_diagnostic_and_exits_1()
    {
        var path = Path.Combine(Path.GetTempPath(), "ppl-no-such-model.ppl");
        var (exit, _, error) = Run("check", path);
        Assert.Equal(1, exit);
        Assert.StartsWith($"ppl: error PPL0001: cannot read '{path}': no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_instead_of_a_file_is_a_diagnostic_and_exits_1()
    {
        var (exit, _, error) = Run("check", Path.GetTempPath());
        Assert.Equal(1, exit);
        Assert.Contains("error PPL0001: cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_argument_and_unknown_command_exit_1()
    {
        Assert.Equal(1, Run("check").Exit);
        Assert.Equal(1, Run("frobnicate").Exit);
    }

    [Fact]
    public void Help_exits_0()
    {
        var (exit, output, _) = Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("check", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_exception_is_an_internal_error_with_exit_2_and_no_stack_trace()
    {
        var root = new RootCommand();
        var boom = new Command("boom");
        boom.SetAction((Func<ParseResult, int>)(_ => throw new InvalidOperationException("kaput")));
        root.Subcommands.Add(boom);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(root, ["boom"], output, error);
        Assert.Equal(2, exit);
        Assert.StartsWith("ppl: internal error: InvalidOperationException: kaput", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Child_process_reports_exit_codes_and_streams()
    {
        var ppl = Path.Combine(AppContext.BaseDirectory, "ppl.dll");
        Assert.True(File.Exists(ppl), $"ppl.dll not found beside the tests: {ppl}");

        var clean = RunProcess(ppl, "check", Example("coin"));
        Assert.Equal(0, clean.Exit);
        Assert.Contains("coin.ppl: ok", clean.Out, StringComparison.Ordinal);

        var bad = RunProcess(ppl, "check", WriteTemp("theta\n"));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("error PPL0006: 'theta' has no distribution", bad.Err, StringComparison.Ordinal);
        Assert.Empty(bad.Out);
    }

    private static (int Exit, string Out, string Err) RunProcess(string ppl, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ppl);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ppl-test-{Guid.NewGuid():N}.ppl");
        File.WriteAllText(path, text);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ppl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Ppl.sln)");
    }
}
