namespace Ppl.Bench;

/// <summary>
/// One benchmark: the same workload timed in Ppl and in an established peer tool, in the same run.
/// A new case (mlp-step, vae-epoch, gmm-em, ...) is one class implementing this.
/// </summary>
internal interface IBenchmarkCase
{
    /// <summary>The case name, e.g. <c>gemm-1024-f32</c>.</summary>
    string Name { get; }

    /// <summary>The workload's floating-point operations, when the case has a natural count (for GFLOP/s).</summary>
    double? Flops { get; }

    /// <summary>Times Ppl: warm-up, then repeats.</summary>
    PplResult RunPpl(BenchmarkSettings settings);

    /// <summary>Times the peer, or says why it did not run.</summary>
    PeerResult RunPeer(BenchmarkSettings settings);
}

/// <summary>Options shared by every case.</summary>
/// <param name="SharedFolder">The steering folder holding <c>bench/peers/</c>.</param>
/// <param name="MinRepeats">The fewest timed repeats per measurement.</param>
/// <param name="TargetSeconds">Repeats are added until the timed runs take about this long.</param>
internal sealed record BenchmarkSettings(string SharedFolder, int MinRepeats, double TargetSeconds);

/// <summary>Ppl's timing, with an optional quality measure (an error, a log-likelihood).</summary>
internal sealed record PplResult(Timing Timing, IReadOnlyDictionary<string, double>? Quality);

/// <summary>The peer's timing; <see cref="Timing"/> is null when the peer did not run.</summary>
internal sealed record PeerResult(string Peer, Timing? Timing, IReadOnlyDictionary<string, double>? Quality, string? NotRunReason)
{
    /// <summary>A peer that could not run, with the reason.</summary>
    public static PeerResult NotRun(string peer, string reason) => new(peer, null, null, reason);

    /// <summary>The result of a case that has no peer by design (compile, cold-start).</summary>
    public static PeerResult NoPeer { get; } = new("none", null, null, "no peer (Ppl only)");
}
