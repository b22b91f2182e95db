using System.Diagnostics.CodeAnalysis;

namespace Ppl.StdLib.Data;

/// <summary>
/// The kind of the values of a <see cref="DataArray"/>, as found in the file. The binder compares it
/// with the declared element type (<c>int</c>, <c>real</c>, <c>bool</c>, <c>prob</c>, ...); readers never
/// convert one kind into another.
/// </summary>
public enum DataElementKind
{
    /// <summary>The array has no elements, so the file says nothing about their kind.</summary>
    Empty,

    /// <summary>Whole numbers written without a fraction or exponent (<c>3</c>, <c>-1</c>), held exactly.</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "The kind's name in the user's words, as in the language's types.")]
    Integer,

    /// <summary>Numbers with a fraction or an exponent (<c>1.5</c>, <c>2e-3</c>, <c>1.0</c>).</summary>
    Real,

    /// <summary><c>true</c> and <c>false</c>, held as 1 and 0.</summary>
    Boolean,
}
