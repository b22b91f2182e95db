using Ppl.Bench.Cases;

namespace Ppl.Bench.Sweeps;

/// <summary>
/// <c>gemm-f32</c> / <c>gemm-f64</c> over the matrix size n (default 128…2048, doubling): time should
/// grow as n³ once the kernel is compute-bound; a smaller exponent at small n shows fixed overheads.
/// </summary>
internal sealed class GemmSweep(bool single, GemmPeer peer) : ISweepable
{
    /// <summary>Both precisions, sharing the peer runs.</summary>
    public static IEnumerable<ISweepable> All()
    {
        var peer = new GemmPeer();
        yield return new GemmSweep(single: true, peer);
        yield return new GemmSweep(single: false, peer);
    }

    public string Family => single ? "gemm-f32" : "gemm-f64";

    public string Parameter => "n";

    public IReadOnlyList<long> DefaultValues { get; } = [128, 256, 512, 1024, 2048];

    public IBenchmarkCase At(long value) => new GemmCase(checked((int)value), single, peer);
}
