using System.Numerics.Tensors;
using Ppl.Inference.Em;

namespace Ppl.Inference.Vmp.Gmm;

/// <summary>
/// One pass over the data per VMP sweep: q(z) from the components' terms, fused block by block with the
/// statistics the next sweep needs, so that the data and the block's responsibilities are read once,
/// from cache. The data are held feature-major as the EM kernels want them
/// (<see cref="GaussianFullKernels"/>); blocks of 256 points, one share of the rows per core, partial sums
/// per core added in a fixed order (the result does not depend on the scheduling). The statistics of
/// component k are centred on the means m_k of the pass: N_k = Σ_n r_nk, s_k = Σ_n r_nk x_n and
/// S_k = Σ_n r_nk (x_n − m_k)(x_n − m_k)ᵀ (Bishop 2006, eqs 10.51–10.53), which is a sum of positive
/// semi-definite terms (no cancellation), and exactly the part of E[Σ r (x − μ_k)(x − μ_k)ᵀ] the data give.
/// q(z) itself is not kept: it is written out only when asked for.
/// </summary>
internal sealed class MixtureSweep
{
    private const int Block = GaussianFullKernels.Block;

    private readonly double[] _xt;
    private readonly int _stride;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly Scratch[] _scratch;

    /// <summary>The passes over data x (N×D, row-major) for K components.</summary>
    /// <param name="x">The data, row-major N×D.</param>
    /// <param name="n">N.</param>
    /// <param name="d">D.</param>
    /// <param name="k">K.</param>
    public MixtureSweep(double[] x, int n, int d, int k)
    {
        _n = n;
        _d = d;
        _k = k;
        _xt = GaussianFullKernels.Transpose(x, n, d);
        _stride = GaussianFullKernels.Stride(n);
        _scratch = [.. Enumerable.Range(0, RowChunks.Count(n)).Select(_ => new Scratch(d, k))];
        Counts = new double[k];
        Sums = new double[k * d];
        Scatter = new double[k * d * d];
    }

    /// <summary>The data feature-major: D rows of <see cref="Stride"/> values (zero padding past N).</summary>
    public double[] FeatureMajor => _xt;

    /// <summary>The padded length of one feature row.</summary>
    public int Stride => _stride;

    /// <summary>N_k = Σ_n r_nk from the last pass.</summary>
    public double[] Counts { get; }

    /// <summary>s_k = Σ_n r_nk x_n (K×D) from the last pass.</summary>
    public double[] Sums { get; }

    /// <summary>S_k = Σ_n r_nk (x_n − m_k)(x_n − m_k)ᵀ (K blocks of D×D, symmetric) from the last pass, m_k its means.</summary>
    public double[] Scatter { get; }

    /// <summary>
    /// Σ_n log Σ_k ρ_nk from the last <see cref="Update"/>: with q(z) at its optimum, this is
    /// E[log p(x | z, μ, Λ)] + E[log p(z | π)] + H[q(z)] (Bishop 2006, eqs 10.71, 10.72 and 10.75 summed),
    /// because log r_nk = log ρ_nk − log Σ_j ρ_nj.
    /// </summary>
    public double LogNormaliser { get; private set; }

    /// <summary>
    /// The E-step (Bishop 2006, eqs 10.46–10.49): r_nk = ρ_nk / Σ_j ρ_nj, then the statistics of r centred
    /// on <see cref="ComponentTerms.Means"/>. Responsibilities below 1e-200 become 0.
    /// </summary>
    /// <param name="terms">The components' terms.</param>
    /// <param name="responsibilities">If not null, receives q(z) as N×K row-major probabilities.</param>
    public void Update(ComponentTerms terms, double[]? responsibilities)
    {
        Sweep(terms.Means, responsibilities, (scratch, start, count) =>
        {
            for (var c = 0; c < _k; c++)
            {
                var row = scratch.Joint.AsSpan(c * Block, Block);
                GaussianFullKernels.WhitenedDistances(_xt, _stride, _d, start, count,
                    terms.LowerInverse.AsSpan(c * _d * _d, _d * _d), terms.Shift.AsSpan(c * _d, _d), row);
                GaussianFullKernels.ScaleShift(row, -0.5, terms.Offset[c]);
            }

            scratch.LogNormaliser += GaussianFullKernels.Normalise(scratch.Joint, _k, count, scratch.RowLogNormaliser);
        });
        LogNormaliser = 0;
        foreach (var scratch in _scratch)
        {
            LogNormaliser += scratch.LogNormaliser;
        }
    }

    /// <summary>
    /// The hard start: r_nk = 1 for the nearest of the K <paramref name="centres"/> (Euclidean, the first on a
    /// tie), 0 otherwise; then its statistics centred on the centres. <see cref="LogNormaliser"/> is undefined after it.
    /// </summary>
    /// <param name="centres">K×D centres.</param>
    /// <param name="responsibilities">If not null, receives the labels as N×K row-major 0/1.</param>
    public void Assign(double[] centres, double[]? responsibilities)
    {
        // ‖x − c‖² is the whitened distance with A = I and s = c.
        var identity = new double[_d * _d];
        for (var i = 0; i < _d; i++)
        {
            identity[i * _d + i] = 1;
        }

        Sweep(centres, responsibilities, (scratch, start, count) =>
        {
            for (var c = 0; c < _k; c++)
            {
                GaussianFullKernels.WhitenedDistances(_xt, _stride, _d, start, count, identity, centres.AsSpan(c * _d, _d),
                    scratch.Joint.AsSpan(c * Block, Block));
            }

            for (var v = 0; v < count; v++)
            {
                var best = 0;
                for (var c = 1; c < _k; c++)
                {
                    if (scratch.Joint[c * Block + v] < scratch.Joint[best * Block + v])
                    {
                        best = c;
                    }
                }

                for (var c = 0; c < _k; c++)
                {
                    scratch.Joint[c * Block + v] = c == best ? 1 : 0;
                }
            }
        });
        LogNormaliser = double.NaN;
    }

    /// <summary>
    /// One pass over the rows in blocks of <see cref="Block"/>, each core over its own chunk from cleared
    /// partial sums: <paramref name="responsibilitiesOfBlock"/> fills a block's joint rows with r, whose
    /// statistics centred on <paramref name="means"/> are accumulated; then the cores' sums are reduced.
    /// </summary>
    private void Sweep(double[] means, double[]? responsibilities, Action<Scratch, int, int> responsibilitiesOfBlock)
    {
        RowChunks.For(_n, Block, (chunk, first, last) =>
        {
            var scratch = _scratch[chunk];
            scratch.Clear();
            for (var start = first; start < last; start += Block)
            {
                var count = Math.Min(Block, last - start);
                responsibilitiesOfBlock(scratch, start, count);
                Accumulate(scratch, start, count, means, responsibilities);
            }
        });
        Reduce(means);
    }

    /// <summary>Adds the block's N_k, Σ r (x − m_k) and S_k (lower triangle) to the core's partial sums; r is in the block's joint rows.</summary>
    private void Accumulate(Scratch scratch, int start, int count, double[] means, double[]? responsibilities)
    {
        var d = _d;
        for (var c = 0; c < _k; c++)
        {
            var r = scratch.Joint.AsSpan(c * Block, Block);
            if (responsibilities is not null)
            {
                for (var v = 0; v < count; v++)
                {
                    responsibilities[(start + v) * _k + c] = r[v];
                }
            }

            scratch.Counts[c] += CentredStatistics.Add(_xt, _stride, d, start, count, r, means.AsSpan(c * d, d),
                scratch.Centred, scratch.CentredSums.AsSpan(c * d, d), scratch.Scatter.AsSpan(c * d * d, d * d));
        }
    }

    /// <summary>Adds the cores' partial sums in chunk order; s_k = Σ r (x − m_k) + N_k m_k; S_k made symmetric.</summary>
    private void Reduce(double[] means)
    {
        var d = _d;
        Array.Clear(Counts);
        Array.Clear(Sums);
        Array.Clear(Scatter);
        foreach (var scratch in _scratch)
        {
            TensorPrimitives.Add(Counts, scratch.Counts, Counts);
            TensorPrimitives.Add(Sums, scratch.CentredSums, Sums);
            TensorPrimitives.Add(Scatter, scratch.Scatter, Scatter);
        }

        for (var c = 0; c < _k; c++)
        {
            for (var j = 0; j < d; j++)
            {
                Sums[c * d + j] += Counts[c] * means[c * d + j];
            }

            var scatter = Scatter.AsSpan(c * d * d, d * d);
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    scatter[j * d + i] = scatter[i * d + j];
                }
            }
        }
    }

    /// <summary>One core's scratch: a block's log-joint (then r) and centred features, and its partial sums.</summary>
    private sealed class Scratch(int d, int k)
    {
        public double[] Joint { get; } = new double[k * Block];

        public double[] RowLogNormaliser { get; } = new double[Block];

        public double[] Centred { get; } = new double[d * Block];

        public double[] Counts { get; } = new double[k];

        public double[] CentredSums { get; } = new double[k * d];

        public double[] Scatter { get; } = new double[k * d * d];

        public double LogNormaliser { get; set; }

        public void Clear()
        {
            Array.Clear(Counts);
            Array.Clear(CentredSums);
            Array.Clear(Scatter);
            LogNormaliser = 0;
        }
    }
}
