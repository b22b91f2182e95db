using System.Globalization;
using System.Text;
using Ppl.Bench.Reporting;

namespace Ppl.Bench.Sweeps;

/// <summary>
/// The growth of time with size in a sweep: for neighbouring points the local exponent
/// p = ln(t₂/t₁) / ln(s₂/s₁), and over all points the least-squares slope of ln t on ln s.
/// </summary>
internal static class ScalingReport
{
    /// <summary>The least-squares slope of ln(median seconds) on ln(size); null with fewer than two points.</summary>
    public static double? Exponent(IReadOnlyList<(long Value, double Seconds)> points)
    {
        if (points.Count < 2)
        {
            return null;
        }
        var xs = points.Select(p => Math.Log(p.Value)).ToArray();
        var ys = points.Select(p => Math.Log(p.Seconds)).ToArray();
        double mx = xs.Average(), my = ys.Average(), sxy = 0, sxx = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        return sxx > 0 ? sxy / sxx : null;
    }

    /// <summary>One markdown table per swept family: size, Ppl and peer medians, local exponents, overall exponent.</summary>
    public static string Render(IReadOnlyList<CaseReport> reports)
    {
        var text = new StringBuilder();
        foreach (var family in reports.Where(r => r.Sweep is not null).GroupBy(r => r.Sweep!.Value.Family))
        {
            var rows = family.OrderBy(r => r.Sweep!.Value.Value).ToArray();
            var parameter = rows[0].Sweep!.Value.Parameter;
            var ppl = rows.Select(r => (r.Sweep!.Value.Value, r.Ppl.Timing.Median)).ToArray();
            var peer = rows.Where(r => r.Peer.Timing is not null).Select(r => (r.Sweep!.Value.Value, r.Peer.Timing!.Median)).ToArray();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Scaling of `{family.Key}` over {parameter}: time ∝ {parameter}^p with p = {Format(Exponent(ppl))} for Ppl, {Format(Exponent(peer))} for the peer (least squares on log–log).");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {parameter} | Ppl median s | local p (Ppl) | peer median s | local p (peer) | ratio |");
            text.AppendLine("|---|---|---|---|---|---|");
            for (var i = 0; i < rows.Length; i++)
            {
                var r = rows[i];
                var previous = i > 0 ? rows[i - 1] : null;
                var localPpl = previous is null ? null : Local(previous.Sweep!.Value.Value, previous.Ppl.Timing.Median, r.Sweep!.Value.Value, r.Ppl.Timing.Median);
                var localPeer = previous?.Peer.Timing is { } pt && r.Peer.Timing is { } t
                    ? Local(previous.Sweep!.Value.Value, pt.Median, r.Sweep!.Value.Value, t.Median)
                    : null;
                var peerSeconds = r.Peer.Timing is { } own ? own.Median.ToString("G4", CultureInfo.InvariantCulture) : "not run";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Sweep!.Value.Value} | {r.Ppl.Timing.Median.ToString("G4", CultureInfo.InvariantCulture)} | {Format(localPpl)} | {peerSeconds} | {Format(localPeer)} | {Format(r.Ratio)} |");
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static double? Local(long s1, double t1, long s2, double t2) => s2 != s1 ? Math.Log(t2 / t1) / Math.Log((double)s2 / s1) : null;

    private static string Format(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "–";
}
