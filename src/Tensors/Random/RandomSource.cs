using System.Numerics;

namespace Ppl.Tensors.Random;

/// <summary>
/// A seeded, splittable pseudo-random generator: xoshiro256** (Blackman &amp; Vigna 2018), seeded
/// through SplitMix64. Never global: every consumer is handed one (STYLE.md, principle 6).
/// </summary>
/// <remarks>
/// <see cref="Split"/> derives an independent stream from the next output, so parallel workers and
/// nested components get reproducible streams of their own from one user seed.
/// </remarks>
public sealed partial class RandomSource
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates a generator from a seed; equal seeds give equal streams.</summary>
    public RandomSource(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>A new generator whose stream is independent of this one's continuation.</summary>
    public RandomSource Split() => new(NextUInt64() ^ 0x9E3779B97F4A7C15UL);

    /// <summary>The next 64 uniformly random bits.</summary>
    public ulong NextUInt64() => Step(ref _s0, ref _s1, ref _s2, ref _s3);

    /// <summary>
    /// Fills <paramref name="bits"/> with the next outputs, the state held in registers meanwhile
    /// (through the fields, each output would wait on a store and a load).
    /// </summary>
    internal void FillBits(Span<ulong> bits)
    {
        ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = Step(ref s0, ref s1, ref s2, ref s3);
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>One xoshiro256** step: output rotl(s₁·5, 7)·9, then the linear state update.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1): never exactly zero, safe under a logarithm.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, bound), without modulo bias (Lemire 2019).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var x = (uint)(NextUInt64() >> 32);
        var m = (ulong)x * (ulong)bound;
        var low = (uint)m;
        if (low < (uint)bound)
        {
            var threshold = (uint)-bound % (uint)bound;
            while (low < threshold)
            {
                x = (uint)(NextUInt64() >> 32);
                m = (ulong)x * (ulong)bound;
                low = (uint)m;
            }
        }
        return (int)(m >> 32);
    }

    /// <summary>A standard normal draw (Marsaglia polar method; the second draw is kept).</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
