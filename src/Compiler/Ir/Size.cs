namespace Ppl.Compiler.Ir;

/// <summary>
/// One dimension of a shape: a literal size (<c>784</c>) or a named size (<c>N</c>) whose value is
/// bound later, from a data array's shape or a <c>const</c>. The IR keeps names symbolic so that a
/// model can be checked without data; <see cref="SizeBindings"/> gives the values once data is bound.
/// </summary>
/// <param name="Name">The size's name, or null for a literal.</param>
/// <param name="Value">The literal value; ignored when <paramref name="Name"/> is set.</param>
public readonly record struct Size(string? Name, int Value)
{
    /// <summary>A literal size.</summary>
    /// <param name="value">The number of elements.</param>
    /// <returns>The size.</returns>
    public static Size Of(int value) => new(null, value);

    /// <summary>A named size, bound from data or a const.</summary>
    /// <param name="name">The size's name, e.g. <c>N</c>.</param>
    /// <returns>The size.</returns>
    public static Size Named(string name) => new(name, 0);

    /// <summary>True for a literal size.</summary>
    public bool IsKnown => Name is null;

    /// <inheritdoc/>
    public override string ToString() => Name ?? Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
