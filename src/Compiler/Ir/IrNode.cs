using System.Collections.Immutable;
using Ppl.Language;

namespace Ppl.Compiler.Ir;

/// <summary>
/// A node of the model graph. A node inside plates is ONE node whose value carries those plates'
/// axes (DESIGN.md: plates are tensor dimensions); there are no per-datapoint nodes.
/// </summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">Type of one element (plate axes excluded).</param>
/// <param name="Plates">Index names of the enclosing plates, outermost first.</param>
/// <param name="Span">The declaring statement.</param>
public abstract record IrNode(string Name, IrType Type, ImmutableArray<string> Plates, SourceSpan Span);

/// <summary>Observed input: <c>data x: real[N, D]</c>.</summary>
/// <param name="Name">Name.</param>
/// <param name="Type">Declared type.</param>
/// <param name="Plates">Always empty: data are declared at top level; plates index into them.</param>
/// <param name="Span">Declaration.</param>
public sealed record DataNode(string Name, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrNode(Name, Type, Plates, Span);

/// <summary>A named constant, folded where possible.</summary>
/// <param name="Name">Name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Span">Declaration.</param>
public sealed record ConstNode(string Name, IrExpr Value, SourceSpan Span)
    : IrNode(Name, Value.Type, [], Span);

/// <summary>An unknown with no prior, estimated as a point (ML, or type-II ML in conjugate models).</summary>
/// <param name="Name">Name.</param>
/// <param name="Type">Declared type (its kind is the constraint).</param>
/// <param name="Init">Initial value, or null for the backend's default.</param>
/// <param name="Plates">Empty in the model; the guide's params too.</param>
/// <param name="Span">Declaration.</param>
public sealed record ParamNode(string Name, IrType Type, IrExpr? Init, ImmutableArray<string> Plates, SourceSpan Span)
    : IrNode(Name, Type, Plates, Span);

/// <summary>
/// A random variable <c>x ~ D</c>: observed when <paramref name="IsObserved"/> (the name is data),
/// latent otherwise. A latent that mirrors data but is not observed (<c>y_new</c>) is a prediction;
/// the analyses classify it.
/// </summary>
/// <param name="Name">Name.</param>
/// <param name="Type">Type of one element.</param>
/// <param name="Distribution">Its distribution (arguments carry their own plates).</param>
/// <param name="IsObserved">True when the name is a data declaration.</param>
/// <param name="Plates">Enclosing plates, implicit ones included.</param>
/// <param name="Span">The <c>~</c> statement.</param>
public sealed record RandomNode(string Name, IrType Type, IrDistribution Distribution, bool IsObserved, ImmutableArray<string> Plates, SourceSpan Span)
    : IrNode(Name, Type, Plates, Span);

/// <summary>A deterministic value: <c>let h = encoder(x[n])</c>.</summary>
/// <param name="Name">Name.</param>
/// <param name="Value">Definition.</param>
/// <param name="Span">Statement.</param>
public sealed record LetNode(string Name, IrExpr Value, SourceSpan Span)
    : IrNode(Name, Value.Type, Value.Plates, Span);

/// <summary>Hidden-layer activation of a network.</summary>
public enum NetActivation
{
    /// <summary>max(0, x) (the default).</summary>
    Relu,

    /// <summary>tanh x.</summary>
    Tanh,

    /// <summary>1 / (1 + e^−x).</summary>
    Sigmoid,

    /// <summary>log(1 + e^x).</summary>
    Softplus,
}

/// <summary>
/// <c>net f = mlp(A -> H -> B, act:, dropout:, prior:)</c>: an MLP with a linear output layer.
/// With a <paramref name="Prior"/> its weights are latent (Bayes by Backprop); without, learned params.
/// </summary>
/// <param name="Name">Name (callable in expressions).</param>
/// <param name="Layers">Widths from input to output.</param>
/// <param name="Activation">Hidden activation.</param>
/// <param name="Dropout">Dropout probability after each hidden layer, or null.</param>
/// <param name="Prior">Prior on every weight and bias, or null.</param>
/// <param name="Span">Statement.</param>
public sealed record NetNode(string Name, ImmutableArray<Size> Layers, NetActivation Activation, double? Dropout, IrDistribution? Prior, SourceSpan Span)
    : IrNode(Name, new IrType(ValueKind.Real, Shape.Of(Layers[^1])), [], Span);
