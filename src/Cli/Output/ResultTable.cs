using System.Globalization;
using System.Text;
using Ppl.Inference.Results;

namespace Ppl.Cli.Output;

/// <summary>
/// The human-readable report of a run: the backend and why, the objective, a table per latent
/// (family, mean, sd, 5%, 50%, 95% per element) and the params. Plain aligned text, so that it reads
/// the same in a terminal and in a CI log.
/// </summary>
internal static class ResultTable
{
    /// <summary>Elements listed per variable unless the variable is named in <c>--show</c>.</summary>
    public const int MaxRows = 12;

    private static readonly string[] PosteriorHeader = ["variable", "family", "mean", "sd", "5%", "50%", "95%"];
    private static readonly string[] ParamHeader = ["param", "value"];

    /// <summary>
    /// "iwae (k = 100): -243.8 ± 0.05 per data point over 1000 (total -243800 ± 50)", or for the joint
    /// bound "iwae (k = 50, joint): -7.1 ± 0.002".
    /// </summary>
    private static string IwaeLine(ImportanceWeightedBound iwae)
    {
        static string Se(double? se) => se is double s ? " ± " + Format(s) : "";
        return iwae.DataPoints is int n
            ? Invariant($"iwae (k = {iwae.K}): {Format(iwae.PerDataPoint!.Value)}{Se(iwae.PerDataPointStandardError)} per data point over {n} (total {Format(iwae.Value)}{Se(iwae.StandardError)})")
            : Invariant($"iwae (k = {iwae.K}, joint): {Format(iwae.Value)}{Se(iwae.StandardError)}");
    }

    /// <summary>Renders the report.</summary>
    /// <param name="result">The result.</param>
    /// <param name="decision">The planner's decision text (backend and reasons).</param>
    /// <param name="show">Variables to list in full.</param>
    /// <returns>The text.</returns>
    public static string Render(InferenceResult result, string decision, IReadOnlySet<string> show)
    {
        var text = new StringBuilder();
        text.Append(decision.TrimEnd()).AppendLine();
        text.AppendLine(Invariant($"{result.Method}: {(result.Converged ? "converged" : "did not converge")} after {result.Iterations} iteration{(result.Iterations == 1 ? "" : "s")} in {result.Elapsed.TotalSeconds:0.###} s"));
        if (result.LogEvidence is { } evidence)
        {
            text.AppendLine(Invariant($"log evidence: {Format(evidence)}"));
        }
        text.AppendLine(Invariant($"{(result.Method == "em" ? "log-likelihood" : "elbo")}: {Format(result.Elbo)}"));
        if (result.Iwae is { } iwae)
        {
            text.AppendLine(IwaeLine(iwae));
        }
        foreach (var (name, value) in result.Diagnostics)
        {
            text.AppendLine(Invariant($"{name}: {Format(value)}"));
        }
        foreach (var note in result.Notes)
        {
            text.Append("note: ").AppendLine(note);
        }

        if (result.Posteriors.Count > 0)
        {
            text.AppendLine();
            var rows = new List<string[]> { PosteriorHeader };
            foreach (var posterior in result.Posteriors)
            {
                var count = posterior.Mean.Values.Count;
                var limit = show.Contains(posterior.Name) ? count : Math.Min(count, MaxRows);
                for (var i = 0; i < limit; i++)
                {
                    rows.Add(
                    [
                        posterior.Name + ElementSuffix(posterior.Mean, i) + (posterior.IsPrediction ? " (predicted)" : ""),
                        posterior.Family,
                        Format(posterior.Mean.Values[i]),
                        Format(posterior.Sd.Values[i]),
                        Format(posterior.Q05.Values[i]),
                        Format(posterior.Q50.Values[i]),
                        Format(posterior.Q95.Values[i]),
                    ]);
                }
                if (limit < count)
                {
                    rows.Add([Invariant($"  ... {count - limit} more (--show {posterior.Name})"), "", "", "", "", "", ""]);
                }
            }
            AppendTable(text, rows);
        }

        if (result.Params.Count > 0)
        {
            text.AppendLine();
            var rows = new List<string[]> { ParamHeader };
            foreach (var estimate in result.Params)
            {
                var count = estimate.Value.Values.Count;
                var limit = show.Contains(estimate.Name) ? count : Math.Min(count, MaxRows);
                for (var i = 0; i < limit; i++)
                {
                    rows.Add([estimate.Name + ElementSuffix(estimate.Value, i), Format(estimate.Value.Values[i])]);
                }
                if (limit < count)
                {
                    rows.Add([Invariant($"  ... {count - limit} more (--show {estimate.Name})"), ""]);
                }
            }
            AppendTable(text, rows);
        }
        return text.ToString();
    }

    /// <summary><c>[i, j]</c> for element <paramref name="flat"/> of an array; empty for a scalar.</summary>
    private static string ElementSuffix(NdArray array, int flat)
    {
        if (array.Rank == 0)
        {
            return "";
        }
        var index = new int[array.Rank];
        for (var axis = array.Rank - 1; axis >= 0; axis--)
        {
            index[axis] = flat % array.Shape[axis];
            flat /= array.Shape[axis];
        }
        return "[" + string.Join(", ", index) + "]";
    }

    private static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                // Names left-aligned, numbers right-aligned.
                line.Append(c < 2 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]));
                if (c < row.Length - 1)
                {
                    line.Append("  ");
                }
            }
            text.AppendLine(line.ToString().TrimEnd());
        }
    }

    private static string Format(double value) =>
        double.IsFinite(value) ? value.ToString("G6", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
