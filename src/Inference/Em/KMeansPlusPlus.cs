using System.Numerics.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Em;

/// <summary>
/// Seeded k-means++ (Arthur and Vassilvitskii 2007): the first centre uniformly, each next one with
/// probability proportional to the squared distance to the nearest centre chosen; then a few Lloyd
/// iterations. EM starts from its hard labels (one M-step), as scikit-learn's <c>init_params='kmeans'</c>.
/// </summary>
internal static class KMeansPlusPlus
{
    /// <summary>Lloyd iterations after seeding.</summary>
    public const int LloydIterations = 10;

    /// <summary>Labels in 0..K−1 for the N × F <paramref name="x"/>.</summary>
    public static int[] Labels(ReadOnlySpan<double> x, int n, int f, int k, RandomSource random)
    {
        var centres = new double[k * f];
        var nearest = new double[n];
        x.Slice(random.NextInt(n) * f, f).CopyTo(centres);
        for (var row = 0; row < n; row++)
        {
            nearest[row] = Squared(x.Slice(row * f, f), centres.AsSpan(0, f));
        }
        for (var c = 1; c < k; c++)
        {
            var total = TensorPrimitives.Sum<double>(nearest);
            var chosen = random.NextInt(n);
            if (total > 0)
            {
                var u = random.NextDouble() * total;
                for (var row = 0; row < n; row++)
                {
                    u -= nearest[row];
                    if (u <= 0)
                    {
                        chosen = row;
                        break;
                    }
                }
            }
            x.Slice(chosen * f, f).CopyTo(centres.AsSpan(c * f, f));
            for (var row = 0; row < n; row++)
            {
                nearest[row] = Math.Min(nearest[row], Squared(x.Slice(row * f, f), centres.AsSpan(c * f, f)));
            }
        }

        var labels = new int[n];
        var sums = new double[k * f];
        var counts = new int[k];
        for (var iteration = 0; iteration <= LloydIterations; iteration++)
        {
            var changed = Assign(x, n, f, k, centres, labels);
            if (!changed && iteration > 0 || iteration == LloydIterations)
            {
                break;
            }
            Array.Clear(sums);
            Array.Clear(counts);
            for (var row = 0; row < n; row++)
            {
                TensorPrimitives.Add(sums.AsSpan(labels[row] * f, f), x.Slice(row * f, f), sums.AsSpan(labels[row] * f, f));
                counts[labels[row]]++;
            }
            for (var c = 0; c < k; c++)
            {
                if (counts[c] > 0)
                {
                    TensorPrimitives.Divide(sums.AsSpan(c * f, f), counts[c], centres.AsSpan(c * f, f));
                }
            }
        }
        return labels;
    }

    private static bool Assign(ReadOnlySpan<double> x, int n, int f, int k, double[] centres, int[] labels)
    {
        var changed = false;
        for (var row = 0; row < n; row++)
        {
            var best = 0;
            var bestDistance = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                var distance = Squared(x.Slice(row * f, f), centres.AsSpan(c * f, f));
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = c;
                }
            }
            changed |= labels[row] != best;
            labels[row] = best;
        }
        return changed;
    }

    private static double Squared(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var distance = TensorPrimitives.Distance(a, b);
        return distance * distance;
    }
}
