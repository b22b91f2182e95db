namespace Ppl.Compiler.Fluent;

/// <summary>A type of the model language, e.g. <c>real[N, D]</c>; made by <see cref="Types"/>.</summary>
public sealed class PplType
{
    internal PplType(string kind, IReadOnlyList<PplExpr> sizes)
    {
        Text = sizes.Count == 0 ? kind : $"{kind}[{string.Join(", ", sizes.Select(s => s.Text))}]";
    }

    /// <summary>The type in the language's syntax.</summary>
    public string Text { get; }

    /// <summary>The type's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}

/// <summary>
/// The language's types: <c>Types.Real(N, D)</c> is <c>real[N, D]</c>, <c>Types.Pos()</c> is <c>pos</c>.
/// For <c>simplex</c> and <c>cov</c> the last size is the event size (<c>Types.Cov(K, D)</c>: K matrices of D×D).
/// </summary>
public static class Types
{
    /// <summary><c>real</c>, or an array of reals.</summary>
    /// <param name="sizes">Array sizes, outermost first (none for a scalar).</param>
    /// <returns>The type.</returns>
    public static PplType Real(params PplExpr[] sizes) => new("real", sizes);

    /// <summary><c>int</c>, or an array of integers.</summary>
    /// <param name="sizes">Array sizes.</param>
    /// <returns>The type.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The language's keyword `int`.")]
    public static PplType Int(params PplExpr[] sizes) => new("int", sizes);

    /// <summary><c>bool</c>, or an array of booleans.</summary>
    /// <param name="sizes">Array sizes.</param>
    /// <returns>The type.</returns>
    public static PplType Bool(params PplExpr[] sizes) => new("bool", sizes);

    /// <summary><c>pos</c> (&gt; 0), or an array of them.</summary>
    /// <param name="sizes">Array sizes.</param>
    /// <returns>The type.</returns>
    public static PplType Pos(params PplExpr[] sizes) => new("pos", sizes);

    /// <summary><c>prob</c> (in [0, 1]), or an array of them.</summary>
    /// <param name="sizes">Array sizes.</param>
    /// <returns>The type.</returns>
    public static PplType Prob(params PplExpr[] sizes) => new("prob", sizes);

    /// <summary><c>simplex[..., K]</c>: vectors of K non-negative reals summing to one.</summary>
    /// <param name="sizes">Array sizes, then the event size K.</param>
    /// <returns>The type.</returns>
    public static PplType Simplex(params PplExpr[] sizes) => new("simplex", RequireEvent(sizes));

    /// <summary><c>cov[..., D]</c>: symmetric positive definite D×D matrices.</summary>
    /// <param name="sizes">Array sizes, then the event size D.</param>
    /// <returns>The type.</returns>
    public static PplType Cov(params PplExpr[] sizes) => new("cov", RequireEvent(sizes));

    private static PplExpr[] RequireEvent(PplExpr[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return sizes.Length > 0 ? sizes : throw new ArgumentException("simplex and cov need an event size", nameof(sizes));
    }
}
