namespace Ppl.StdLib.Constraints;

/// <summary>
/// A smooth invertible map from unconstrained reals onto a constrained set, with the log of the
/// absolute determinant of its Jacobian: SVI optimises in the unconstrained space and adds
/// log |det J| to the log-density (the change of variables).
/// </summary>
/// <remarks>
/// Values are flat row-major spans of one event. A map may change the length: the stick-breaking
/// map sends K − 1 reals to a K-simplex, the Cholesky map sends D(D + 1)/2 reals to a D × D matrix.
/// For such maps the Jacobian is that of the map onto the free coordinates of the result (the first
/// K − 1 simplex coordinates; the lower triangle of the matrix), the convention under which a
/// density on the constrained set is written.
/// </remarks>
public abstract class Bijection
{
    /// <summary>The set the map lands in.</summary>
    public abstract Constraint Codomain { get; }

    /// <summary>The number of unconstrained reals that map to a value of <paramref name="constrainedLength"/> elements.</summary>
    public virtual int UnconstrainedLength(int constrainedLength) => constrainedLength;

    /// <summary>The number of elements of the value that <paramref name="unconstrainedLength"/> reals map to.</summary>
    public virtual int ConstrainedLength(int unconstrainedLength) => unconstrainedLength;

    /// <summary>Maps unconstrained reals x to the constrained value y = f(x).</summary>
    public abstract void Forward(ReadOnlySpan<double> unconstrained, Span<double> constrained);

    /// <summary>Maps a constrained value y back to x = f⁻¹(y).</summary>
    public abstract void Inverse(ReadOnlySpan<double> constrained, Span<double> unconstrained);

    /// <summary>log |det ∂f(x)/∂x| at the unconstrained point x.</summary>
    public abstract double LogAbsDetJacobian(ReadOnlySpan<double> unconstrained);

    /// <summary>f(x) in a new array.</summary>
    public double[] Forward(ReadOnlySpan<double> unconstrained)
    {
        var result = new double[ConstrainedLength(unconstrained.Length)];
        Forward(unconstrained, result);
        return result;
    }

    /// <summary>f⁻¹(y) in a new array.</summary>
    public double[] Inverse(ReadOnlySpan<double> constrained)
    {
        var result = new double[UnconstrainedLength(constrained.Length)];
        Inverse(constrained, result);
        return result;
    }

    /// <summary>Throws unless the two spans have the lengths this map relates.</summary>
    protected void CheckLengths(int unconstrainedLength, int constrainedLength)
    {
        if (ConstrainedLength(unconstrainedLength) != constrainedLength)
        {
            throw new ArgumentException(
                $"{GetType().Name} maps {unconstrainedLength} unconstrained values to {ConstrainedLength(unconstrainedLength)}, not {constrainedLength}");
        }
    }
}
