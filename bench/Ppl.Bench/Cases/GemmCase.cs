using Ppl.Bench.Peers;
using Ppl.Tensors.Kernels;
using Ppl.Tensors.Random;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>gemm-{n}-{f32|f64}</c>: C = A·B on n×n row-major matrices of standard normals, against NumPy's
/// matmul on OpenBLAS (<c>gemm.py</c>). Quality: the largest error against a float64 product on a
/// sample of entries, relative to Σ|a||b| (the scale of the rounding error bound).
/// </summary>
internal sealed class GemmCase(int size, bool single, GemmPeer peer) : IBenchmarkCase
{
    /// <summary>The sizes and precisions of the suite.</summary>
    public static IEnumerable<IBenchmarkCase> All()
    {
        var peer = new GemmPeer();
        foreach (var size in new[] { 256, 512, 1024, 2048 })
        {
            yield return new GemmCase(size, single: true, peer);
            yield return new GemmCase(size, single: false, peer);
        }
    }

    public string Name => $"gemm-{size}-{(single ? "f32" : "f64")}";

    public double? Flops => 2.0 * size * size * size;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var source = new RandomSource(0);
        var a = new double[size * size];
        var b = new double[size * size];
        source.FillNormal(a);
        source.FillNormal(b);
        Timing timing;
        Func<int, int, double> entry;
        if (single)
        {
            var af = Array.ConvertAll(a, x => (float)x);
            var bf = Array.ConvertAll(b, x => (float)x);
            var c = new float[size * size];
            timing = Timing.Measure(() => Gemm.Multiply(af, bf, c, size, size, size), settings);
            a = Array.ConvertAll(af, x => (double)x);
            b = Array.ConvertAll(bf, x => (double)x);
            entry = (i, j) => c[i * size + j];
        }
        else
        {
            var c = new double[size * size];
            timing = Timing.Measure(() => Gemm.Multiply(a, b, c, size, size, size), settings);
            entry = (i, j) => c[i * size + j];
        }
        return new PplResult(timing, new Dictionary<string, double> { ["max_relative_error"] = SampledError(a, b, entry, source) });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => peer.Result(settings, size, single ? "f32" : "f64");

    /// <summary>max |c − Σ a·b| / Σ|a·b| over 256 random entries, the sums taken in float64.</summary>
    private double SampledError(double[] a, double[] b, Func<int, int, double> entry, RandomSource source)
    {
        var worst = 0.0;
        for (var t = 0; t < 256; t++)
        {
            var i = source.NextInt(size);
            var j = source.NextInt(size);
            double exact = 0, scale = 0;
            for (var p = 0; p < size; p++)
            {
                exact += a[i * size + p] * b[p * size + j];
                scale += Math.Abs(a[i * size + p] * b[p * size + j]);
            }
            worst = Math.Max(worst, Math.Abs(entry(i, j) - exact) / scale);
        }
        return worst;
    }
}

/// <summary>
/// Runs <c>gemm.py</c> once per size (it times both precisions) and hands each case its line.
/// </summary>
internal sealed class GemmPeer
{
    private readonly Dictionary<int, (Dictionary<string, PeerResult> ByType, string? Error)> _bySize = [];

    /// <summary>The peer's result for one size and precision, running the script on first use.</summary>
    public PeerResult Result(BenchmarkSettings settings, int size, string type)
    {
        var name = PeerName();
        if (!_bySize.TryGetValue(size, out var entry))
        {
            var (lines, error) = PythonPeer.Run(settings.SharedFolder, "gemm.py", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var byType = new Dictionary<string, PeerResult>();
            foreach (var line in lines)
            {
                var caseName = line.GetProperty("case").GetString() ?? "";
                var median = line.GetProperty("seconds_median").GetDouble();
                var min = line.GetProperty("seconds_min").GetDouble();
                var repeats = line.GetProperty("reps").GetInt32();
                byType[caseName[(caseName.LastIndexOf('-') + 1)..]] = new PeerResult(name, new Timing(median, min, null, repeats), null, null);
            }
            entry = (byType, error);
            _bySize[size] = entry;
        }
        if (entry.ByType.TryGetValue(type, out var result))
        {
            return result;
        }
        return PeerResult.NotRun(name, entry.Error ?? "gemm.py printed no line for this case");
    }

    private static string? _peerName;

    private static string PeerName() => _peerName ??=
        $"numpy {PythonPeer.Evaluate("__import__('numpy').__version__") ?? "(not installed)"} / OpenBLAS SkylakeX, 2 threads";
}
