namespace Ppl.Cli.Tests;

/// <summary>Runs <c>ppl</c> in process and writes throw-away model files, for the command tests.</summary>
internal static class CliHarness
{
    /// <summary>The whole application (every command, the real backends) on <paramref name="args"/>: exit code, stdout, stderr.</summary>
    public static (int Exit, string Out, string Err) Ppl(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PplApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// <c>NAME.ppl</c> and its data <c>NAME.json</c> (found by the CLI beside the model) in a fresh
    /// temporary folder; returns the model's path.
    /// </summary>
    public static string WriteModel(string name, string source, string json)
    {
        var directory = Directory.CreateTempSubdirectory("ppl-test-");
        var model = Path.Combine(directory.FullName, name + ".ppl");
        File.WriteAllText(model, source);
        File.WriteAllText(Path.Combine(directory.FullName, name + ".json"), json);
        return model;
    }
}
