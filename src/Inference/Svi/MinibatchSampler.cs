using Ppl.Tensors.Random;

namespace Ppl.Inference.Svi;

/// <summary>
/// The minibatches of the <c>batch</c> plates: each epoch a fresh Fisher–Yates permutation of every
/// subsampled plate, cut into consecutive batches of B positions — the last one N mod B long when B
/// does not divide N, so that an epoch visits every data point exactly once (as PyTorch's
/// <c>DataLoader</c> with <c>drop_last=False</c>). A batch of size b weighs its local terms by N/b
/// (Hoffman et al. 2013), which keeps the minibatch ELBO unbiased for the partial batch too.
/// </summary>
internal sealed class MinibatchSampler
{
    private readonly SviProgram _program;
    private readonly RandomSource _random;
    private readonly string[] _plates;
    private readonly int[] _batch;
    private readonly int[] _sizes;
    private readonly int[][] _permutations;
    private readonly int[] _cursors;
    private readonly Dictionary<int, int[]>[] _buffers;
    private readonly Dictionary<string, int[]> _indices = [];
    private readonly PlateFrame _whole;

    /// <summary>Creates the sampler for the program's batch plates.</summary>
    public MinibatchSampler(SviProgram program, RandomSource random)
    {
        _program = program;
        _random = random;
        _plates = [.. program.BatchedPlates.Keys];
        _batch = [.. _plates.Select(p => program.BatchedPlates[p])];
        _sizes = [.. _plates.Select(program.PlateSize)];
        _permutations = [.. _sizes.Select(n => new int[n])];
        _cursors = [.. _sizes];
        _buffers = [.. _plates.Select(_ => new Dictionary<int, int[]>())];
        _whole = program.Frame([], 1, 1);
        var steps = 1;
        for (var i = 0; i < _plates.Length; i++)
        {
            steps = Math.Max(steps, (_sizes[i] + _batch[i] - 1) / _batch[i]);
        }
        StepsPerEpoch = steps;
    }

    /// <summary>Steps in one pass over the data (1 without batch plates).</summary>
    public int StepsPerEpoch { get; }

    /// <summary>The frame of the next step; its index arrays are reused, so it is valid until the next call.</summary>
    public PlateFrame Next()
    {
        if (_plates.Length == 0)
        {
            return _whole;
        }
        var scale = 1.0;
        for (var i = 0; i < _plates.Length; i++)
        {
            var n = _sizes[i];
            if (_cursors[i] >= n)
            {
                Shuffle(_permutations[i]);
                _cursors[i] = 0;
            }
            var size = Math.Min(_batch[i], n - _cursors[i]);
            if (!_buffers[i].TryGetValue(size, out var buffer))
            {
                buffer = new int[size];
                _buffers[i][size] = buffer;
            }
            _permutations[i].AsSpan(_cursors[i], size).CopyTo(buffer);
            _cursors[i] += size;
            _indices[_plates[i]] = buffer;
            scale *= (double)n / size;
        }
        return _program.Frame(_indices, scale, 1);
    }

    private void Shuffle(int[] permutation)
    {
        for (var i = 0; i < permutation.Length; i++)
        {
            permutation[i] = i;
        }
        for (var i = permutation.Length - 1; i > 0; i--)
        {
            var j = _random.NextInt(i + 1);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }
    }
}
