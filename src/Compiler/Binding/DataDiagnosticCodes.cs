namespace Ppl.Compiler.Binding;

/// <summary>Diagnostic codes of data binding (PPL03xx); documented in docs/data-binding.md.</summary>
public static class DataDiagnosticCodes
{
    /// <summary>A data file could not be read, or holds a malformed value (NaN, null, ragged array, ...).</summary>
    public const string DataFile = "PPL0301";

    /// <summary>A <c>data</c> declaration that no data file gives.</summary>
    public const string MissingData = "PPL0302";

    /// <summary>A data field the model does not declare.</summary>
    public const string UnknownData = "PPL0303";

    /// <summary>An array whose number of axes differs from the declared type's.</summary>
    public const string RankMismatch = "PPL0304";

    /// <summary>An axis whose length differs from a literal size or from the same named size elsewhere.</summary>
    public const string SizeMismatch = "PPL0305";

    /// <summary>Values of the wrong kind: reals for an <c>int</c>, booleans for a <c>real</c>, ...</summary>
    public const string WrongElementKind = "PPL0306";

    /// <summary>A value outside the declared type's domain: <c>pos</c> ≤ 0, <c>prob</c> outside [0, 1], <c>bool</c> not 0/1.</summary>
    public const string OutOfDomain = "PPL0307";

    /// <summary>A <c>simplex</c> row that is negative somewhere or does not sum to one.</summary>
    public const string NotSimplex = "PPL0308";

    /// <summary>A <c>cov</c> matrix that is not symmetric or not positive definite.</summary>
    public const string NotCovariance = "PPL0309";
}
