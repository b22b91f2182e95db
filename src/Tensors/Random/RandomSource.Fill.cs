using System.Numerics.Tensors;

namespace Ppl.Tensors.Random;

/// <summary>
/// Bulk draws into spans, for tensors of noise (reparameterised sampling draws millions of normals
/// per epoch). The normal fill is a vectorised Box–Muller transform over blocks of uniforms.
/// </summary>
public sealed partial class RandomSource
{
    /// <summary>Pairs per Box–Muller block: the scratch (two blocks of sines and cosines) stays on the stack.</summary>
    private const int NormalBlock = 128;

    /// <summary>Random words drawn at a time by the bulk fills (2 KB on the stack).</summary>
    private const int BitsBlock = 256;
    private const double TwoToMinus53 = 1.0 / (1UL << 53);
    private const float TwoToMinus24 = 1f / (1 << 24);
    private const float TwoToMinus32 = 1f / 4294967296f;

    /// <summary>Fills with independent uniforms on [0, 1) (53 random bits each).</summary>
    public void FillUniform(Span<double> destination)
    {
        Span<ulong> bits = stackalloc ulong[BitsBlock];
        while (!destination.IsEmpty)
        {
            var count = Math.Min(BitsBlock, destination.Length);
            FillBits(bits[..count]);
            for (var i = 0; i < count; i++)
            {
                destination[i] = (bits[i] >> 11) * TwoToMinus53;
            }
            destination = destination[count..];
        }
    }

    /// <summary>Fills with independent uniforms on [0, 1) (24 random bits each; two per 64-bit draw).</summary>
    public void FillUniform(Span<float> destination)
    {
        Span<ulong> bits = stackalloc ulong[BitsBlock];
        while (!destination.IsEmpty)
        {
            var count = Math.Min(2 * BitsBlock, destination.Length);
            var words = bits[..((count + 1) / 2)];
            FillBits(words);
            for (var i = 0; i < count; i++)
            {
                // Two floats per 64-bit word: its high and its low 24 bits.
                var word = words[i >> 1];
                destination[i] = (uint)((i & 1) == 0 ? word >> 40 : (word >> 8) & 0xFFFFFF) * TwoToMinus24;
            }
            destination = destination[count..];
        }
    }

    /// <summary>Fills with independent uniforms on [low, high).</summary>
    public void FillUniform(Span<double> destination, double low, double high)
    {
        FillUniform(destination);
        Affine(destination, high - low, low);
    }

    /// <summary>Fills with independent uniforms on [low, high).</summary>
    public void FillUniform(Span<float> destination, float low, float high)
    {
        FillUniform(destination);
        Affine(destination, high - low, low);
    }

    /// <summary>
    /// Fills with independent Normal(mean, sd) draws: Box–Muller (Box &amp; Muller 1958),
    /// z₁ = r cos θ, z₂ = r sin θ with r = √(−2 log U₁), θ = 2π U₂, vectorised over blocks.
    /// </summary>
    public void FillNormal(Span<double> destination, double mean = 0, double sd = 1)
    {
        Span<double> sines = stackalloc double[NormalBlock];
        Span<double> cosines = stackalloc double[NormalBlock];
        Span<ulong> bits = stackalloc ulong[2 * NormalBlock];
        while (destination.Length >= 2)
        {
            var pairs = Math.Min(NormalBlock, destination.Length / 2);
            var radius = destination[..pairs];
            var angle = destination.Slice(pairs, pairs);
            FillBits(bits[..(2 * pairs)]);
            for (var i = 0; i < pairs; i++)
            {
                radius[i] = ((bits[2 * i] >> 11) + 0.5) * TwoToMinus53;
                angle[i] = (bits[2 * i + 1] >> 11) * TwoToMinus53 * (2 * Math.PI);
            }
            TensorPrimitives.Log(radius, radius);
            TensorPrimitives.Multiply(radius, -2.0, radius);
            TensorPrimitives.Sqrt(radius, radius);
            // Sin and Cos are vectorised; SinCos and SinCosPi are not (System.Numerics.Tensors 10.0).
            TensorPrimitives.Sin(angle, sines[..pairs]);
            TensorPrimitives.Cos(angle, cosines[..pairs]);
            TensorPrimitives.Multiply(radius, sines[..pairs], angle);
            TensorPrimitives.Multiply(radius, cosines[..pairs], radius);
            Affine(destination[..(2 * pairs)], sd, mean);
            destination = destination[(2 * pairs)..];
        }
        if (destination.Length == 1)
        {
            destination[0] = mean + sd * NextNormal();
        }
    }

    /// <summary>
    /// Fills with independent Normal(mean, sd) draws in single precision (Box–Muller as for doubles).
    /// U₁ carries 32 bits, so |z| ≤ √(64 log 2) ≈ 6.66: the tail beyond, 3e-11 of the mass, is cut.
    /// </summary>
    public void FillNormal(Span<float> destination, float mean = 0, float sd = 1)
    {
        Span<float> sines = stackalloc float[NormalBlock];
        Span<float> cosines = stackalloc float[NormalBlock];
        Span<ulong> bits = stackalloc ulong[NormalBlock];
        while (destination.Length >= 2)
        {
            var pairs = Math.Min(NormalBlock, destination.Length / 2);
            var radius = destination[..pairs];
            var angle = destination.Slice(pairs, pairs);
            FillBits(bits[..pairs]);
            for (var i = 0; i < pairs; i++)
            {
                radius[i] = ((uint)(bits[i] >> 32) | 1u) * TwoToMinus32;
                angle[i] = (uint)(bits[i] & 0xFFFFFF) * TwoToMinus24 * (2 * MathF.PI);
            }
            TensorPrimitives.Log(radius, radius);
            TensorPrimitives.Multiply(radius, -2f, radius);
            TensorPrimitives.Sqrt(radius, radius);
            // Sin and Cos are vectorised; SinCos and SinCosPi are not (System.Numerics.Tensors 10.0).
            TensorPrimitives.Sin(angle, sines[..pairs]);
            TensorPrimitives.Cos(angle, cosines[..pairs]);
            TensorPrimitives.Multiply(radius, sines[..pairs], angle);
            TensorPrimitives.Multiply(radius, cosines[..pairs], radius);
            Affine(destination[..(2 * pairs)], sd, mean);
            destination = destination[(2 * pairs)..];
        }
        if (destination.Length == 1)
        {
            destination[0] = (float)(mean + sd * NextNormal());
        }
    }

    /// <summary>Fills with independent Exponential(1) draws.</summary>
    public void FillExponential(Span<double> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = ((NextUInt64() >> 11) + 0.5) * TwoToMinus53;
        }
        TensorPrimitives.Log(destination, destination);
        TensorPrimitives.Negate(destination, destination);
    }

    /// <summary>Fills with independent Exponential(1) draws.</summary>
    public void FillExponential(Span<float> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = ((uint)(NextUInt64() >> 32) | 1u) * TwoToMinus32;
        }
        TensorPrimitives.Log(destination, destination);
        TensorPrimitives.Negate(destination, destination);
    }

    /// <summary>Fills with independent Gamma(shape, rate 1) draws.</summary>
    public void FillGamma(Span<double> destination, double shape)
    {
        CheckPositive(shape, nameof(shape));
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = NextGamma(shape);
        }
    }

    /// <summary>Fills with independent Gamma(shape, rate 1) draws.</summary>
    public void FillGamma(Span<float> destination, double shape)
    {
        CheckPositive(shape, nameof(shape));
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)NextGamma(shape);
        }
    }

    /// <summary>Fills with independent Beta(a, b) draws.</summary>
    public void FillBeta(Span<double> destination, double a, double b)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = NextBeta(a, b);
        }
    }

    /// <summary>Fills with independent Beta(a, b) draws.</summary>
    public void FillBeta(Span<float> destination, double a, double b)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)NextBeta(a, b);
        }
    }

    /// <summary>Fills with independent Bernoulli(p) draws as 1 or 0.</summary>
    public void FillBernoulli(Span<double> destination, double p)
    {
        CheckProbability(p, nameof(p));
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (NextUInt64() >> 11) * TwoToMinus53 < p ? 1 : 0;
        }
    }

    /// <summary>Fills with independent Bernoulli(p) draws as 1 or 0.</summary>
    public void FillBernoulli(Span<float> destination, double p)
    {
        CheckProbability(p, nameof(p));
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (NextUInt64() >> 11) * TwoToMinus53 < p ? 1 : 0;
        }
    }

    /// <summary>Fills with independent category indices drawn with probability wᵢ / Σw.</summary>
    public void FillCategorical(Span<int> destination, ReadOnlySpan<double> probabilities)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = NextCategorical(probabilities);
        }
    }

    /// <summary>Fills with independent Poisson(rate) counts.</summary>
    public void FillPoisson(Span<int> destination, double rate)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = NextPoisson(rate);
        }
    }

    /// <summary>Fills with independent Dirichlet(α) draws, one per row of length α.Length.</summary>
    /// <param name="destination">Rows of length <c>alpha.Length</c>, back to back.</param>
    /// <param name="alpha">The concentrations, each &gt; 0.</param>
    public void FillDirichlet(Span<double> destination, ReadOnlySpan<double> alpha)
    {
        if (alpha.IsEmpty || destination.Length % alpha.Length != 0)
        {
            throw new ArgumentException("destination must hold whole rows of length alpha.Length", nameof(destination));
        }
        for (var row = 0; row < destination.Length; row += alpha.Length)
        {
            NextDirichlet(alpha, destination.Slice(row, alpha.Length));
        }
    }

    /// <summary>x ← scale · x + shift, skipping the identity parts.</summary>
    private static void Affine<T>(Span<T> values, T scale, T shift)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        if (scale != T.One)
        {
            TensorPrimitives.Multiply(values, scale, values);
        }
        if (shift != T.Zero)
        {
            TensorPrimitives.Add(values, shift, values);
        }
    }
}
