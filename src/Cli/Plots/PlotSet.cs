using Ppl.Compiler.Binding;
using Ppl.Inference.Results;

namespace Ppl.Cli.Plots;

/// <summary>
/// What <c>ppl infer --out DIR --plot</c> writes: <c>trace.svg</c> (the objective per iteration),
/// <c>density-NAME.svg</c> per latent, <c>predictive-NAME.svg</c> per 1-D predicted node (against
/// a 1-D input of the same length, else the index) and per fitted observed target of a 1-D
/// regression (<see cref="InferenceResult.Fits"/>, only against a 1-D input), <c>images-NAME.png</c> for a
/// predicted node or param whose elements form square greyscale images, and
/// <c>images-x.samples.png</c> / <c>images-x.reconstructions.png</c> for the pictures of an image
/// model (<see cref="InferenceResult.Images"/>: a VAE's generated samples and reconstructions).
/// </summary>
internal static class PlotSet
{
    /// <summary>Writes every plot that applies to <paramref name="result"/>.</summary>
    /// <param name="result">The inference result.</param>
    /// <param name="data">The bound data (inputs of predictive plots), or null.</param>
    /// <param name="directory">The output directory (created when missing).</param>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> WriteAll(InferenceResult result, BoundData? data, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Write(string name, string text)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text);
            written.Add(path);
        }

        if (result.Trace.Count > 0)
        {
            Write("trace.svg", TracePlot.Render(result.Trace, $"objective ({result.Method})"));
        }
        foreach (var posterior in result.Posteriors)
        {
            if (Images(posterior.Mean) is { } grid)
            {
                var path = Path.Combine(directory, $"images-{posterior.Name}.png");
                File.WriteAllBytes(path, grid);
                written.Add(path);
            }
            else if (posterior.IsPrediction && posterior.Mean.Rank == 1)
            {
                var (xs, xName) = Inputs(data, posterior);
                Write($"predictive-{posterior.Name}.svg", PredictivePlot.Render(posterior, xs, xName));
            }
            else if (!posterior.IsPrediction)
            {
                Write($"density-{posterior.Name}.svg", DensityPlot.Render(posterior));
            }
        }
        foreach (var fit in result.Fits.Where(f => f.Mean.Rank == 1 && result.Posterior(f.Name) is null))
        {
            // A fit is only worth a plot against a 1-D input, not against the index.
            if (Inputs(data, fit) is ({ } xs, var xName))
            {
                Write($"predictive-{fit.Name}.svg", PredictivePlot.Render(fit, xs, xName));
            }
        }
        foreach (var (name, pictures) in result.Images)
        {
            if (Images(pictures) is { } grid)
            {
                var path = Path.Combine(directory, $"images-{name}.png");
                File.WriteAllBytes(path, grid);
                written.Add(path);
            }
        }
        foreach (var param in result.Params)
        {
            if (Images(param.Value) is { } grid)
            {
                var path = Path.Combine(directory, $"images-{param.Name}.png");
                File.WriteAllBytes(path, grid);
                written.Add(path);
            }
        }
        return written;
    }

    /// <summary>A PNG grid when <paramref name="values"/> is [K, H, W] or [K, D] with D = s² ≥ 64 and values in [0, 1].</summary>
    internal static byte[]? Images(NdArray values)
    {
        int side;
        int count;
        if (values.Rank == 3 && values.Shape[1] >= 8 && values.Shape[2] >= 8)
        {
            (count, side) = (values.Shape[0], -1);
        }
        else if (values.Rank == 2 && values.Shape[1] >= 64 && Math.Sqrt(values.Shape[1]) is var root && root == Math.Floor(root))
        {
            (count, side) = (values.Shape[0], (int)root);
        }
        else
        {
            return null;
        }
        if (count == 0 || values.Values.Any(v => !(v >= 0 && v <= 1)))
        {
            return null;
        }
        var (height, width) = side > 0 ? (side, side) : (values.Shape[1], values.Shape[2]);
        var shown = Math.Min(count, 64);
        var images = Enumerable.Range(0, shown)
            .Select(k => (IReadOnlyList<double>)values.Values.Skip(k * width * height).Take(width * height).ToArray())
            .ToList();
        return ImageGrid.Png(images, width, height, columns: 8);
    }

    /// <summary>
    /// The 1-D input of a prediction: a data array of shape [n] or [n, 1] with as many rows, preferring
    /// the one named like the prediction with x for y (<c>x_new</c> for <c>y_new</c>), else the first by name.
    /// </summary>
    internal static (IReadOnlyList<double>? Xs, string Name) Inputs(BoundData? data, Posterior prediction)
    {
        var n = prediction.Mean.Values.Count;
        var candidates = data?.Arrays.Values
            .Where(a => a.Name != prediction.Name && a.Count == n && (a.Shape.Length == 1 || (a.Shape.Length == 2 && a.Shape[1] == 1)))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ToList() ?? [];
        var mirrored = prediction.Name.Replace('y', 'x').Replace('Y', 'X');
        var input = candidates.FirstOrDefault(a => string.Equals(a.Name, mirrored, StringComparison.OrdinalIgnoreCase)) ?? candidates.FirstOrDefault();
        if (input is null)
        {
            return (null, "index");
        }
        IReadOnlyList<double> xs = input.Reals ?? [.. input.Integers!.Select(i => (double)i)];
        return (xs, input.Name);
    }
}
