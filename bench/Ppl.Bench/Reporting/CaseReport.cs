using System.Text.Json;
using System.Text.Json.Nodes;
using Ppl.Bench.Sweeps;

namespace Ppl.Bench.Reporting;

/// <summary>One case's outcome: Ppl and peer timings, their ratio, and the load while it ran.</summary>
/// <param name="ForeignCpuSeconds">CPU seconds other processes used while Ppl was timed (the machine is shared).</param>
internal sealed record CaseReport(string Case, double? Flops, PplResult Ppl, PeerResult Peer, double? Load, double? ForeignCpuSeconds)
{
    /// <summary>Where this case sits in a <c>--sweep</c> run; null outside sweeps.</summary>
    public SweepPoint? Sweep { get; init; }

    /// <summary>Ppl's median over the peer's median (below 1: Ppl is faster); null if the peer did not run.</summary>
    public double? Ratio => Peer.Timing is { } peer ? Ppl.Timing.Median / peer.Median : null;

    /// <summary>
    /// Ppl's fastest run over the peer's: on a shared machine the minima are the least disturbed
    /// measurements; null if the peer reports no minimum.
    /// </summary>
    public double? RatioOfMinima => Peer.Timing is { Min: { } peerMin } && Ppl.Timing.Min is { } pplMin ? pplMin / peerMin : null;

    /// <summary>
    /// The JSON line of the benchmark contract (issue 11):
    /// <c>{"case", "ppl_seconds", "peer", "peer_seconds", "ratio", "ppl_quality", "peer_quality", ...}</c>.
    /// </summary>
    public string ToJsonLine()
    {
        var node = new JsonObject
        {
            ["case"] = Case,
            ["ppl_seconds"] = Ppl.Timing.Median,
            ["ppl_min"] = Ppl.Timing.Min,
            ["ppl_max"] = Ppl.Timing.Max,
            ["ppl_repeats"] = Ppl.Timing.Repeats,
            ["peer"] = Peer.Peer,
            ["peer_seconds"] = Peer.Timing?.Median,
            ["peer_min"] = Peer.Timing?.Min,
            ["peer_max"] = Peer.Timing?.Max,
            ["peer_repeats"] = Peer.Timing?.Repeats,
            ["ratio"] = Ratio,
            ["ratio_min"] = RatioOfMinima,
            ["ppl_gflops"] = Flops is { } f ? f / Ppl.Timing.Median / 1e9 : null,
            ["ppl_gflops_best"] = Flops is { } fb && Ppl.Timing.Min is { } best ? fb / best / 1e9 : null,
            ["peer_gflops"] = Flops is { } g && Peer.Timing is { } t ? g / t.Median / 1e9 : null,
            ["peer_gflops_best"] = Flops is { } gb && Peer.Timing is { Min: { } peerBest } ? gb / peerBest / 1e9 : null,
            ["ppl_quality"] = Quality(Ppl.Quality),
            ["peer_quality"] = Quality(Peer.Quality),
            ["load_1min"] = Load,
            ["foreign_cpu_s"] = ForeignCpuSeconds,
        };
        if (Sweep is { } point)
        {
            node["sweep"] = new JsonObject { ["family"] = point.Family, ["parameter"] = point.Parameter, ["value"] = point.Value };
        }
        if (Peer.NotRunReason is { } reason)
        {
            node["peer_not_run"] = reason;
        }
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonObject? Quality(IReadOnlyDictionary<string, double>? quality)
    {
        if (quality is null)
        {
            return null;
        }
        var node = new JsonObject();
        foreach (var (key, value) in quality)
        {
            node[key] = value;
        }
        return node;
    }
}
