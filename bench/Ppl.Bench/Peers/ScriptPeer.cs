using System.Text.Json;

namespace Ppl.Bench.Peers;

/// <summary>
/// Runs a peer script that prints one <c>{"metric", "value"}</c> line per measurement (blr.py,
/// gmm_sklearn.py) once, and hands each case the metric it compares with.
/// </summary>
internal sealed class ScriptPeer(string script, string peerName)
{
    private (Dictionary<string, JsonElement> Metrics, string? Error)? _run;

    /// <summary>The peer's timing from one metric (seconds), with other metrics as quality.</summary>
    public PeerResult Result(BenchmarkSettings settings, string secondsMetric, params string[] qualityMetrics)
    {
        if (_run is null)
        {
            var (lines, error) = PythonPeer.Run(settings.SharedFolder, script);
            var metrics = new Dictionary<string, JsonElement>();
            foreach (var line in lines)
            {
                if (line.TryGetProperty("metric", out var metric) && line.TryGetProperty("value", out var value))
                {
                    metrics[metric.GetString() ?? ""] = value;
                }
            }
            _run = (metrics, error);
        }
        var (found, failure) = _run.Value;
        if (!found.TryGetValue(secondsMetric, out var seconds) || seconds.ValueKind != JsonValueKind.Number)
        {
            return PeerResult.NotRun(peerName, failure ?? $"{script} printed no '{secondsMetric}'");
        }
        var quality = new Dictionary<string, double>();
        foreach (var name in qualityMetrics)
        {
            if (found.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number)
            {
                quality[name] = v.GetDouble();
            }
        }
        var s = seconds.GetDouble();
        return new PeerResult(peerName, new Timing(s, s, null, 1), quality, null);
    }
}
