using System.Diagnostics;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>cold-start</c>: <c>ppl check examples/gmm/gmm.ppl</c> as a fresh process — runtime start-up,
/// JIT of the CLI and the compiler, parse, check, exit — timed from process start to exit, median
/// over repeats. Runs the built CLI (<c>src/Cli/bin/{Release|Debug}/net10.0/ppl</c>, the apphost, or
/// <c>dotnet ppl.dll</c> when there is no apphost); the bench project builds it as a dependency.
/// No peer. Quality: the exit code of the last run (0 = the model checked clean).
/// </summary>
internal sealed class ColdStartCase(string repositoryRoot) : IBenchmarkCase
{
    /// <summary>The example checked: a mid-sized model (mixture, plates, Dirichlet, Wishart).</summary>
    private const string Example = "examples/gmm/gmm.ppl";

    public string Name => "cold-start";

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var (program, prefix) = FindCli(repositoryRoot)
            ?? throw new FileNotFoundException("the ppl CLI is not built: dotnet build -c Release src/Cli");
        var model = Path.Combine(repositoryRoot, Example);
        var exitCode = -1;
        void Run()
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = repositoryRoot,
            };
            foreach (var argument in prefix)
            {
                start.ArgumentList.Add(argument);
            }
            start.ArgumentList.Add("check");
            start.ArgumentList.Add(model);
            // No tiered-compilation or ReadyToRun tweaks: the user's configuration is what is measured.
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            errors.Wait();
            exitCode = process.ExitCode;
        }
        // A cold start is seconds-scale work repeated: keep the warm-up (file cache, disk) but cap repeats.
        var timing = Timing.Measure(Run, settings with { TargetSeconds = Math.Min(settings.TargetSeconds, 3) });
        return new PplResult(timing, new Dictionary<string, double> { ["exit_code"] = exitCode });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => PeerResult.NoPeer;

    /// <summary>The CLI's program and leading arguments: the apphost, else <c>dotnet ppl.dll</c>; Release first.</summary>
    internal static (string Program, string[] Prefix)? FindCli(string root)
    {
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var folder = Path.Combine(root, "src", "Cli", "bin", configuration, "net10.0");
            var apphost = Path.Combine(folder, "ppl");
            if (File.Exists(apphost))
            {
                return (apphost, []);
            }
            var dll = Path.Combine(folder, "ppl.dll");
            if (File.Exists(dll))
            {
                return ("dotnet", [dll]);
            }
        }
        return null;
    }
}
