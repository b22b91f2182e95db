using System.Globalization;
using Ppl.Tensors;
using Ppl.Tensors.Random;
using Ppl.Tensors.Special;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// The Wishart distribution over D×D positive-definite matrices with ν degrees of freedom and scale V
/// (mean νV): log p(X) = ½(ν − D − 1) log |X| − ½ tr(V⁻¹X) − ½νD log 2 − ½ν log |V| − log Γ_D(ν/2)
/// (Bishop 2006, eq. B.78). Language: <c>Wishart(dof, scale)</c>; matrices are row-major.
/// </summary>
public sealed partial class Wishart : IDensity<ReadOnlySpan<double>>, IExponentialFamily<Wishart, ReadOnlySpan<double>>
{
    private const string Name = "Wishart";
    private readonly double[] _scale;
    private readonly double[] _scaleCholesky;
    private readonly double[] _inverseScale;

    /// <summary>Wishart(dof, scale); scale symmetric positive definite and dof &gt; D − 1.</summary>
    public Wishart(double dof, ReadOnlySpan<double> scale)
    {
        _scaleCholesky = SymmetricMatrix.CheckedCholesky(Name, "scale", scale);
        _scale = scale.ToArray();
        Dimension = SymmetricMatrix.Dimension(scale.Length);
        if (!(dof > Dimension - 1) || !double.IsFinite(dof))
        {
            throw Guard.Fail(Name, "dof", $"must be greater than D − 1 = {Dimension - 1}", dof);
        }
        DegreesOfFreedom = dof;
        _inverseScale = SymmetricMatrix.InverseFromCholesky(_scaleCholesky, Dimension);
    }

    /// <summary>Wishart(dof, V) with V given through its inverse V⁻¹ (the form the conjugate update produces).</summary>
    public static Wishart FromInverseScale(double dof, ReadOnlySpan<double> inverseScale)
    {
        var factor = SymmetricMatrix.CheckedCholesky(Name, "inverse scale", inverseScale);
        return new(dof, SymmetricMatrix.InverseFromCholesky(factor, SymmetricMatrix.Dimension(inverseScale.Length)));
    }

    /// <summary>ν.</summary>
    public double DegreesOfFreedom { get; }

    /// <summary>D.</summary>
    public int Dimension { get; }

    /// <summary>V.</summary>
    public ReadOnlySpan<double> Scale => _scale;

    /// <summary>V⁻¹.</summary>
    public ReadOnlySpan<double> InverseScale => _inverseScale;

    /// <summary>log |V|.</summary>
    public double LogDeterminantOfScale => SymmetricMatrix.LogDeterminant(_scaleCholesky, Dimension);

    /// <summary>E[X] = νV.</summary>
    public double[] Mean => _scale.Select(v => DegreesOfFreedom * v).ToArray();

    /// <summary>Var[Xᵢⱼ] = ν(Vᵢⱼ² + Vᵢᵢ Vⱼⱼ), row-major.</summary>
    public double[] Variance
    {
        get
        {
            var d = Dimension;
            var v = new double[d * d];
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    v[i * d + j] = DegreesOfFreedom * (_scale[i * d + j] * _scale[i * d + j] + _scale[i * d + i] * _scale[j * d + j]);
                }
            }
            return v;
        }
    }

    /// <summary>E[log |X|] = ψ_D(ν/2) + D log 2 + log |V| (Bishop 2006, eq. B.81), with
    /// ψ_D(a) = Σᵢ₌₁..D ψ(a + (1 − i)/2).</summary>
    public double ExpectedLogDeterminant =>
        MultivariateDigamma(0.5 * DegreesOfFreedom, Dimension) + Dimension * LogConstants.LogTwo + LogDeterminantOfScale;

    /// <summary>−½(ν − D − 1) E[log |X|] + ½νD + ½νD log 2 + ½ν log |V| + log Γ_D(ν/2) (Bishop 2006, eq. B.82).</summary>
    public double Entropy =>
        -0.5 * (DegreesOfFreedom - Dimension - 1) * ExpectedLogDeterminant + 0.5 * DegreesOfFreedom * Dimension + LogNormaliser;

    internal static double MultivariateDigamma(double a, int d)
    {
        var sum = 0.0;
        for (var i = 1; i <= d; i++)
        {
            sum += SpecialFunctions.Digamma(a + 0.5 * (1 - i));
        }
        return sum;
    }

    /// <inheritdoc/>
    public double LogDensity(ReadOnlySpan<double> value)
    {
        var d = Dimension;
        if (value.Length != d * d)
        {
            throw new ArgumentException($"{Name}: expected a {d}×{d} matrix, got {value.Length} entries.", nameof(value));
        }
        var factor = SymmetricMatrix.TryCholesky(value, d, out _);
        if (factor is null || !IsSymmetric(value, d))
        {
            return double.NegativeInfinity;
        }
        return LogDensityFromPieces<Scalar>(SymmetricMatrix.LogDeterminant(factor, d),
            SymmetricMatrix.TraceOfProduct(_inverseScale, value, d), LogDeterminantOfScale, DegreesOfFreedom, d).Value;
    }

    private static bool IsSymmetric(ReadOnlySpan<double> x, int d)
    {
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Math.Abs(x[i * d + j] - x[j * d + i]) > 1e-10 * Math.Max(1, Math.Abs(x[i * d + j])))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// One draw by the Bartlett decomposition: X = L A Aᵀ Lᵀ with V = L Lᵀ and A lower-triangular,
    /// Aᵢᵢ = √χ²(ν − i) (i = 0..D−1), Aᵢⱼ ~ N(0, 1) below the diagonal (Bartlett 1933).
    /// </summary>
    public double[] Sample(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var d = Dimension;
        var a = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            a[i * d + i] = Math.Sqrt(2 * random.NextGamma(0.5 * (DegreesOfFreedom - i)));
            for (var j = 0; j < i; j++)
            {
                a[i * d + j] = random.NextNormal();
            }
        }
        var la = SymmetricMatrix.Multiply(_scaleCholesky, a, d);
        var x = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var s = 0.0;
                for (var k = 0; k < d; k++)
                {
                    s += la[i * d + k] * la[j * d + k];
                }
                x[i * d + j] = x[j * d + i] = s;
            }
        }
        return x;
    }

    // Exponential family: T(X) = (log |X|, X), η = (½(ν − D − 1), −½V⁻¹), h = 1,
    // A(η) = ½ν log |V| + ½νD log 2 + log Γ_D(ν/2). Flattened as [η₁, η₂ (D×D row-major)].

    /// <inheritdoc/>
    public double[] NaturalParameters
    {
        get
        {
            var eta = new double[1 + _inverseScale.Length];
            eta[0] = 0.5 * (DegreesOfFreedom - Dimension - 1);
            for (var i = 0; i < _inverseScale.Length; i++)
            {
                eta[1 + i] = -0.5 * _inverseScale[i];
            }
            return eta;
        }
    }

    /// <inheritdoc/>
    public double LogNormaliser =>
        0.5 * DegreesOfFreedom * (LogDeterminantOfScale + Dimension * LogConstants.LogTwo)
        + SpecialFunctions.MultivariateLogGamma(0.5 * DegreesOfFreedom, Dimension);

    /// <summary>(E[log |X|], E[X]) = (ψ_D(ν/2) + D log 2 + log |V|, νV).</summary>
    public double[] ExpectedSufficientStatistics => [ExpectedLogDeterminant, .. Mean];

    /// <inheritdoc/>
    public double[] SufficientStatistics(ReadOnlySpan<double> value)
    {
        var factor = SymmetricMatrix.TryCholesky(value, Dimension, out _)
            ?? throw new ArgumentException($"{Name}: the value is not positive definite.", nameof(value));
        return [SymmetricMatrix.LogDeterminant(factor, Dimension), .. value];
    }

    /// <inheritdoc/>
    public double LogBaseMeasure(ReadOnlySpan<double> value) => 0;

    /// <inheritdoc/>
    public Wishart WithNaturalParameters(ReadOnlySpan<double> naturalParameters) => FromNaturalParameters(naturalParameters);

    /// <summary>The Wishart with natural parameters (½(ν − D − 1), −½V⁻¹); D from the length 1 + D².</summary>
    public static Wishart FromNaturalParameters(ReadOnlySpan<double> naturalParameters)
    {
        var d = SymmetricMatrix.Dimension(naturalParameters.Length - 1);
        Batch.CheckNaturalLength(Name, naturalParameters, 1 + Math.Max(d, 0) * Math.Max(d, 0));
        var inverseScale = new double[d * d];
        for (var i = 0; i < inverseScale.Length; i++)
        {
            inverseScale[i] = -2 * naturalParameters[1 + i];
        }
        return FromInverseScale(2 * naturalParameters[0] + d + 1, inverseScale);
    }

    /// <summary>
    /// Posterior of an MvNormal precision Λ ~ Wishart(ν, V) after n observations xᵢ ~ N(μ, Λ⁻¹) with known
    /// mean and scatter S = Σ(xᵢ − μ)(xᵢ − μ)ᵀ (Bishop 2006, eqs. 10.61–10.63 with fixed means):
    /// Wishart(ν + n, (V⁻¹ + S)⁻¹).
    /// </summary>
    public static Wishart PosteriorOfPrecision(Wishart prior, ReadOnlySpan<double> scatter, int count)
    {
        ArgumentNullException.ThrowIfNull(prior);
        if (scatter.Length != prior._inverseScale.Length)
        {
            throw new ArgumentException($"{Name}: the scatter matrix must be {prior.Dimension}×{prior.Dimension}.", nameof(scatter));
        }
        var inverse = new double[scatter.Length];
        for (var i = 0; i < inverse.Length; i++)
        {
            inverse[i] = prior._inverseScale[i] + scatter[i];
        }
        return FromInverseScale(prior.DegreesOfFreedom + Guard.NonNegativeCount(Name, "count", count), inverse);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Wishart(dof: {DegreesOfFreedom:R}, D: {Dimension})");
}
