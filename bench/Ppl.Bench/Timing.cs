using System.Diagnostics;

namespace Ppl.Bench;

/// <summary>Seconds per run over the timed repeats: median, min and max (a peer may report only some).</summary>
internal sealed record Timing(double Median, double? Min, double? Max, int Repeats)
{
    /// <summary>Summarises a list of per-run seconds.</summary>
    public static Timing Of(IReadOnlyList<double> seconds)
    {
        var sorted = seconds.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
        return new Timing(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>
    /// Runs <paramref name="action"/> for warm-up (at least twice, and at least a tenth of the target
    /// time), then times single runs until both the minimum repeat count and the target time are met,
    /// never running it more than <paramref name="maxRuns"/> times in all (a case whose runs are
    /// training epochs reports its quality after a fixed number of them, however fast they are).
    /// </summary>
    public static Timing Measure(Action action, BenchmarkSettings settings, int maxRuns = 10_000)
    {
        var runs = 0;
        var warmUp = Stopwatch.StartNew();
        for (; runs < 2 || (warmUp.Elapsed.TotalSeconds < settings.TargetSeconds / 10 && runs < maxRuns / 4); runs++)
        {
            action();
        }
        var seconds = new List<double>();
        var total = Stopwatch.StartNew();
        while (runs++ < maxRuns && (seconds.Count < settings.MinRepeats || (total.Elapsed.TotalSeconds < settings.TargetSeconds && seconds.Count < 10_000)))
        {
            var start = Stopwatch.GetTimestamp();
            action();
            seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return Of(seconds);
    }
}
