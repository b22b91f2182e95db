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
    public static (IReadOnlyList<JsonElement> Lines, string? Error) Run(string sharedFolder, string script, params string[] arguments)
    {
        var path = Path.Combine(sharedFolder, "bench", "peers", script);
        if (!File.Exists(Interpreter))
        {
            return ([], $"{Interpreter} not found");
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
            return ([], $"{script} exited with {process.ExitCode}: {error.Trim()}");
        }
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        return (lines, null);
    }

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
