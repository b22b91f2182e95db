namespace Ppl.Compiler.Ir;

/// <summary>The domain of a value's elements, from the declared type or inferred.</summary>
public enum ValueKind
{
    /// <summary>A real number.</summary>
    Real,

    /// <summary>An integer (counts, category indices).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "It is the language's keyword `int`.")]
    Int,

    /// <summary>0 or 1.</summary>
    Bool,

    /// <summary>A positive real.</summary>
    Pos,

    /// <summary>A real in [0, 1].</summary>
    Prob,

    /// <summary>A vector on the simplex (event rank 1).</summary>
    Simplex,

    /// <summary>A symmetric positive definite matrix (event rank 2).</summary>
    Cov,
}
