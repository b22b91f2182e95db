using Ppl.Inference.Vmp.Variables;

namespace Ppl.Inference.Vmp.Building;

/// <summary>A term c · v of an affine mean before it is laid out on a factor's grid.</summary>
/// <param name="Variable">The scalar Gaussian variable.</param>
/// <param name="Coefficient">c, or null for 1.</param>
internal sealed record AffineTerm(GaussianArray Variable, KnownValue? Coefficient);

/// <summary>A product X @ w of a known matrix (rows along the factor's plate) and a vector Gaussian block.</summary>
/// <param name="Design">X: the factor's plate, then D.</param>
/// <param name="Weights">w.</param>
internal sealed record DesignTerm(KnownValue Design, MvGaussianVariable Weights);

/// <summary>
/// A Gaussian factor's mean written as o + Σ cⱼ vⱼ (+ X w): the form in which VMP's Gaussian messages
/// are closed (Winn &amp; Bishop 2005, §3: each parent enters linearly).
/// </summary>
/// <param name="Offset">o, or null for 0.</param>
/// <param name="Terms">The scalar terms.</param>
/// <param name="Design">The matrix-product term, or null.</param>
internal sealed record AffineMean(KnownValue? Offset, IReadOnlyList<AffineTerm> Terms, DesignTerm? Design)
{
    /// <summary>A known mean.</summary>
    /// <param name="value">o.</param>
    /// <returns>The affine form.</returns>
    public static AffineMean Known(KnownValue value) => new(value, [], null);

    /// <summary>The sum of two affine forms (a variable may appear only once).</summary>
    /// <param name="left">One form.</param>
    /// <param name="right">The other.</param>
    /// <returns>Their sum, or null when a variable repeats or two products appear.</returns>
    public static AffineMean? Add(AffineMean left, AffineMean right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Design is not null && right.Design is not null)
        {
            return null;
        }

        if (left.Terms.Any(t => right.Terms.Any(u => u.Variable == t.Variable)))
        {
            return null;
        }

        var offset = left.Offset is null ? right.Offset
            : right.Offset is null ? left.Offset
            : KnownValue.Combine(left.Offset, right.Offset, (a, b) => a + b);
        return new AffineMean(offset, [.. left.Terms, .. right.Terms], left.Design ?? right.Design);
    }

    /// <summary>The form multiplied by a known factor.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The scaled form, or null when shapes do not broadcast.</returns>
    public AffineMean? Scale(KnownValue factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        KnownValue? Times(KnownValue? v) => v is null ? factor : KnownValue.Combine(v, factor, (a, b) => a * b);
        var offset = Offset is null ? null : Times(Offset);
        var terms = Terms.Select(t => t with { Coefficient = Times(t.Coefficient) }).ToList();
        if (terms.Any(t => t.Coefficient is null) || (Offset is not null && offset is null))
        {
            return null;
        }

        DesignTerm? design = null;
        if (Design is not null)
        {
            if (!factor.IsScalar)
            {
                return null;
            }

            design = Design with { Design = Times(Design.Design)! };
        }

        return new AffineMean(offset, terms, design);
    }
}
