namespace Ppl.StdLib.LinearAlgebra;

/// <summary>
/// A matrix that had to be symmetric positive definite (a covariance, a precision, a Wishart scale)
/// is not: its Cholesky factorisation met a pivot that is not positive. Callers that know where the
/// matrix came from turn this into a user diagnostic naming the variable.
/// </summary>
public sealed class NotPositiveDefiniteException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public NotPositiveDefiniteException()
        : base("the matrix is not positive definite")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NotPositiveDefiniteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public NotPositiveDefiniteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed pivot.</summary>
    /// <param name="pivot">The 0-based row at which the factorisation failed.</param>
    /// <param name="value">The pivot's value (zero, negative or NaN).</param>
    public NotPositiveDefiniteException(int pivot, double value)
        : base($"the matrix is not positive definite: pivot {pivot} of its Cholesky factorisation is {value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}")
    {
        Pivot = pivot;
    }

    /// <summary>The 0-based row at which the factorisation failed, or −1 if unknown.</summary>
    public int Pivot { get; } = -1;
}
