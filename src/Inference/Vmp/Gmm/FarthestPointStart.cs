using Ppl.Inference.Em;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Vmp.Gmm;

/// <summary>
/// The start of the variational mixture: farthest-point centres (Gonzalez 1985) — a seeded first point,
/// then each next centre the point farthest (Euclidean) from all centres chosen so far, the first index
/// on a tie. Deterministic given the seed, K passes over the data, well spread, so that the components
/// start apart and the unneeded ones can be pruned. Runs on the feature-major data in blocks, a share of
/// the rows per core.
/// </summary>
internal static class FarthestPointStart
{
    private const int Block = GaussianFullKernels.Block;

    /// <summary>The K centres (K×D) for the data of <paramref name="sweep"/>.</summary>
    /// <param name="sweep">The data's passes (feature-major data).</param>
    /// <param name="n">N.</param>
    /// <param name="d">D.</param>
    /// <param name="k">K.</param>
    /// <param name="random">Draws the first centre.</param>
    /// <returns>K×D centres, each a data point.</returns>
    public static double[] Centres(MixtureSweep sweep, int n, int d, int k, RandomSource random)
    {
        var xt = sweep.FeatureMajor;
        var stride = sweep.Stride;
        var centres = new double[k * d];
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var identity = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            identity[i * d + i] = 1;
        }

        var chunks = RowChunks.Count(n);
        var best = new (double Distance, int Index)[chunks];
        var buffers = Enumerable.Range(0, chunks).Select(_ => new double[Block]).ToArray();
        var chosen = random.NextInt(n);
        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < d; j++)
            {
                centres[c * d + j] = xt[j * stride + chosen];
            }

            if (c == k - 1)
            {
                break;
            }

            var centre = centres.AsMemory(c * d, d);
            RowChunks.For(n, Block, (chunk, first, last) =>
            {
                // Squared distances rank as the distances do; ‖x − c‖² is the whitened distance with A = I, s = c.
                var distance = buffers[chunk];
                var (bestDistance, bestIndex) = (double.NegativeInfinity, first);
                for (var start = first; start < last; start += Block)
                {
                    var count = Math.Min(Block, last - start);
                    GaussianFullKernels.WhitenedDistances(xt, stride, d, start, count, identity, centre.Span, distance);
                    for (var v = 0; v < count; v++)
                    {
                        var value = Math.Min(nearest[start + v], distance[v]);
                        nearest[start + v] = value;
                        if (value > bestDistance)
                        {
                            (bestDistance, bestIndex) = (value, start + v);
                        }
                    }
                }

                best[chunk] = (bestDistance, bestIndex);
            });
            var winner = best[0];
            foreach (var candidate in best.AsSpan(1))
            {
                if (candidate.Distance > winner.Distance)
                {
                    winner = candidate;
                }
            }

            chosen = winner.Index;
        }

        return centres;
    }
}
