using System.Collections.Immutable;
using Ppl.Language;

namespace Ppl.Compiler.Ir;

/// <summary>
/// A distribution applied to arguments, with sugar removed: named arguments are resolved into the
/// family's positional order for one named <paramref name="Parameterisation"/>
/// (<c>Normal(m, precision: t)</c> becomes family Normal, parameterisation <c>precision</c>,
/// arguments [m, t]); the parameterisation is kept rather than converted, because conjugacy is
/// recognised on it (a Gamma latent as a Normal's precision).
/// </summary>
/// <param name="Family">The distribution's name as in the catalogue, e.g. <c>Normal</c>.</param>
/// <param name="Parameterisation">The parameterisation's name, e.g. <c>sd</c>, <c>precision</c>, <c>logits</c>;
/// the catalogue's default name for the positional form.</param>
/// <param name="Arguments">The parameters in the parameterisation's order.</param>
/// <param name="Components">Component distributions (<c>Mixture</c> only; empty otherwise).</param>
/// <param name="Type">The type of one draw (the variate), plates excluded.</param>
/// <param name="Plates">Union of the arguments' plates.</param>
/// <param name="Span">The call in the source.</param>
public sealed record IrDistribution(
    string Family,
    string Parameterisation,
    ImmutableArray<IrExpr> Arguments,
    ImmutableArray<IrDistribution> Components,
    IrType Type,
    ImmutableArray<string> Plates,
    SourceSpan Span);
