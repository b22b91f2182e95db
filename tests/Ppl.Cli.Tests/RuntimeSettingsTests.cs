using System.Text.Json;

namespace Ppl.Cli.Tests;

/// <summary>
/// The JIT settings of the built <c>ppl</c> (Directory.Build.props; docs/csharp.md, "Runtime settings
/// for training in your own program"): dynamic PGO off and no call-counting delay, so that a training
/// run reaches optimised code within a few dozen steps (docs/benchmarks.md, "Tiered compilation").
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_ppl_tool_runs_without_dynamic_pgo_and_without_call_counting_delay()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ppl.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }
}
