using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.Language.Diagnostics;

namespace Ppl.Compiler.Binding;

/// <summary>
/// One data array checked against its declaration, as a dense row-major buffer ready for a backend:
/// <see cref="Reals"/> for <c>real</c>, <c>pos</c>, <c>prob</c>, <c>simplex</c> and <c>cov</c> data,
/// <see cref="Integers"/> for <c>int</c> and <c>bool</c> data.
/// </summary>
/// <param name="Name">The data name.</param>
/// <param name="Type">The declared type.</param>
/// <param name="Shape">The concrete shape (the declared shape with sizes resolved).</param>
/// <param name="Reals">The values of real-kinded data, else null.</param>
/// <param name="Integers">The values of integer-kinded data, else null.</param>
public sealed record BoundArray(string Name, IrType Type, ImmutableArray<int> Shape, double[]? Reals, int[]? Integers)
{
    /// <summary>The number of values.</summary>
    public int Count => Reals?.Length ?? Integers!.Length;
}

/// <summary>A model's data, bound: the values of its named sizes and each data array by name.</summary>
/// <param name="Sizes">Size name to value (<c>N = 100</c>).</param>
/// <param name="Arrays">Each declared data array, checked.</param>
public sealed record BoundData(SizeBindings Sizes, ImmutableDictionary<string, BoundArray> Arrays)
{
    /// <summary>The array called <paramref name="name"/>.</summary>
    /// <param name="name">A data name.</param>
    public BoundArray this[string name] => Arrays[name];
}

/// <summary>The binder's result: the bound data (null when there are errors) and every diagnostic.</summary>
/// <param name="Data">The bound data, or null.</param>
/// <param name="Diagnostics">Errors, naming the field and its position in the data file (or the model's declaration).</param>
public sealed record BindingResult(BoundData? Data, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
