using System.Diagnostics;
using System.Globalization;
using Ppl.Inference;

namespace Ppl.Cli.Progress;

/// <summary>
/// Shows a backend's progress on stderr: on a terminal a live bar redrawn in place
/// (<c>[#######-------]  45%  350/800  objective -123.4  ETA 3s</c>); when stderr is redirected (CI
/// logs, tests) one plain line every ~10% of the run, so logs stay readable. Without a known total
/// the plain form writes a line every 100 iterations.
/// </summary>
internal sealed class ProgressReporter : IProgress<InferenceProgress>, IDisposable
{
    private const int BarWidth = 30;
    private readonly TextWriter _writer;
    private readonly bool _live;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private int _lastDecile = -1;
    private int _lastPlainIteration;
    private long _lastDrawTicks = long.MinValue;
    private bool _drawn;
    private InferenceProgress? _latest;

    /// <summary>Creates a reporter writing to <paramref name="writer"/>.</summary>
    /// <param name="writer">Usually stderr.</param>
    /// <param name="live">Redraw one line in place (a terminal) instead of writing plain lines.</param>
    public ProgressReporter(TextWriter writer, bool live)
    {
        _writer = writer;
        _live = live;
    }

    /// <summary>A reporter for <paramref name="error"/>: live when it is the console's stderr and that is a terminal.</summary>
    /// <param name="error">Where progress goes.</param>
    /// <returns>The reporter.</returns>
    public static ProgressReporter For(TextWriter error) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>The number of reports received.</summary>
    public int Reports { get; private set; }

    /// <inheritdoc />
    public void Report(InferenceProgress value)
    {
        lock (_gate)
        {
            Reports++;
            _latest = value;
            if (_live)
            {
                // Redraw at most ~10 times a second; the last report is drawn by Finish.
                var now = _clock.ElapsedTicks;
                if (now - _lastDrawTicks < Stopwatch.Frequency / 10)
                {
                    return;
                }
                _lastDrawTicks = now;
                _writer.Write("\r" + Line(value) + "\u001b[K");
                _writer.Flush();
                _drawn = true;
                return;
            }

            if (value.Total is int total && total > 0)
            {
                var decile = (int)Math.Min(10, Math.Floor(10.0 * value.Iteration / total));
                if (decile > _lastDecile)
                {
                    _lastDecile = decile;
                    _writer.WriteLine(Line(value));
                }
            }
            else if (value.Iteration - _lastPlainIteration >= 100 || Reports == 1)
            {
                _lastPlainIteration = value.Iteration;
                _writer.WriteLine(Line(value));
            }
        }
    }

    /// <summary>Ends the display: the live bar is drawn a last time and its line ended.</summary>
    public void Finish() => Finish(null);

    /// <summary>
    /// Ends the display with the run's outcome. A run that converged before its cap ends at the real
    /// count, the bar full and marked <c>converged</c> (<c>[####…]  100%  37/37  converged (cap 1000)</c>),
    /// rather than at <c>37/1000</c>; in plain-line mode that final line is written unless the last
    /// plain line already said it.
    /// </summary>
    /// <param name="outcome">Whether the run converged and how many iterations it ran, or null when unknown (a failed run).</param>
    public void Finish(RunOutcome? outcome)
    {
        lock (_gate)
        {
            var last = _latest;
            if (outcome is { } done && last is { } report)
            {
                last = done.Converged
                    ? report with
                    {
                        Iteration = done.Iterations,
                        Total = done.Iterations,
                        Phase = report.Total is int cap && cap != done.Iterations
                            ? string.Create(CultureInfo.InvariantCulture, $"converged (cap {cap})")
                            : "converged",
                    }
                    : report with { Iteration = done.Iterations };
            }
            if (_live && last is { } final)
            {
                _writer.Write("\r" + Line(final) + "\u001b[K");
                _writer.WriteLine();
                _writer.Flush();
                _drawn = false;
            }
            else if (!_live && outcome is { Converged: true } && last is { } plain)
            {
                _writer.WriteLine(Line(plain));
            }
            _latest = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_drawn)
        {
            Finish();
        }
    }

    /// <summary>One progress line: bar (when the total is known), counts, objective, ETA.</summary>
    /// <param name="value">The report.</param>
    /// <returns>The text, without a newline.</returns>
    internal string Line(InferenceProgress value)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (value.Total is int total && total > 0)
        {
            var fraction = Math.Clamp((double)value.Iteration / total, 0, 1);
            var filled = (int)Math.Round(fraction * BarWidth);
            parts.Add("[" + new string('#', filled) + new string('-', BarWidth - filled) + "]");
            parts.Add(string.Format(inv, "{0,3:0}%", 100 * fraction));
            parts.Add(string.Format(inv, "{0}/{1}", value.Iteration, total));
            var elapsed = _clock.Elapsed.TotalSeconds;
            if (value.Iteration > 0 && fraction < 1)
            {
                parts.Add("ETA " + Duration(elapsed * (total - value.Iteration) / value.Iteration));
            }
        }
        else
        {
            parts.Add(string.Format(inv, "iteration {0}", value.Iteration));
        }
        if (!string.IsNullOrEmpty(value.Phase))
        {
            parts.Add(value.Phase);
        }
        parts.Add(string.Format(inv, "objective {0:G6}", value.Objective));
        return string.Join("  ", parts);
    }

    private static string Duration(double seconds) => seconds switch
    {
        < 60 => string.Format(CultureInfo.InvariantCulture, "{0:0}s", Math.Ceiling(seconds)),
        < 3600 => string.Format(CultureInfo.InvariantCulture, "{0:0}m{1:00}s", Math.Floor(seconds / 60), Math.Floor(seconds % 60)),
        _ => string.Format(CultureInfo.InvariantCulture, "{0:0}h{1:00}m", Math.Floor(seconds / 3600), Math.Floor(seconds % 3600 / 60)),
    };
}

/// <summary>How a run ended, for the last progress line.</summary>
/// <param name="Converged">The convergence test passed.</param>
/// <param name="Iterations">Iterations (or steps) actually run.</param>
internal readonly record struct RunOutcome(bool Converged, int Iterations);
