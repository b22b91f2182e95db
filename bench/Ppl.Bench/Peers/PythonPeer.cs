using System.Diagnostics;
using System.Text.Json;

namespace Ppl.Bench.Peers;

/// <summary>
/// Runs a peer script from <c>shared/bench/peers/</c> with the system Python and the thread and BLAS
/// settings of the peer measurements (2 threads, OpenBLAS's AVX-512 SkylakeX kernels), and returns
/// its JSON lines.
/// </summary>
internal static class PythonPeer
{
    /// <summary>The interpreter with the Debian packages (numpy, torch); not the pyenv python on PATH.</summary>
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>The environment every peer runs in.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["OPENBLAS_CORETYPE"] = "SkylakeX",
        ["OMP_NUM_THREADS"] = "2",
        ["OPENBLAS_NUM_THREADS"] = "2",
    };

    /// <summary>Runs <paramref name="script"/> with arguments; the parsed JSON lines, or an error message.</summary>
    public static (IReadOnlyList<JsonElement> Lines, string? Error) Run(string sharedFolder, string script, params string[] arguments) =>
        RunScript(Path.Combine(sharedFolder, "bench", "peers", script), arguments);

    /// <summary>Runs the script at <paramref name="path"/> (a peer kept beside the cases) with arguments.</summary>
    public static (IReadOnlyList<JsonElement> Lines, string? Error) RunScript(string path, params string[] arguments)
    {
        var script = Path.GetFileName(path);
        if (!File.Exists(Interpreter))
        {
            return ([], $"{Interpreter} not installed; install with `{InstallCommand("python3")}`");
        }
        if (!File.Exists(path))
        {
            return ([], $"{path} not found");
        }
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Interpreter}");
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var error = errorTask.Result;
        if (process.ExitCode != 0)
        {
            return ([], MissingModule(error) is { } module
                ? $"Python module {module} not installed; install with `{InstallCommand(DebianPackageOf(module))}`"
                : $"{script} exited with {process.ExitCode}: {LastLine(error)}");
        }
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        return (lines, null);
    }

    /// <summary>The documented way to install a peer (issue 11 item 4): a Debian package.</summary>
    public static string InstallCommand(string debianPackage) => $"sudo apt-get install -y {debianPackage}";

    /// <summary>The Debian package that provides a Python module (the peers' packages, README "Software").</summary>
    public static string DebianPackageOf(string module) => module switch
    {
        "sklearn" => "python3-sklearn",
        "torch" => "python3-torch",
        "numpy" => "python3-numpy",
        "scipy" => "python3-scipy",
        "pandas" => "python3-pandas",
        _ => $"python3-{module}",
    };

    /// <summary>The top-level module of a <c>ModuleNotFoundError: No module named 'x.y'</c>, or null.</summary>
    internal static string? MissingModule(string stderr)
    {
        var match = System.Text.RegularExpressions.Regex.Match(stderr, "No module named '([A-Za-z0-9_]+)");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    /// <summary>The output of a one-line Python expression (a version), or null.</summary>
    public static string? Evaluate(string expression)
    {
        try
        {
            var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"print({expression})");
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
