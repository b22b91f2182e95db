using Ppl.Language.Diagnostics;
using Ppl.Language.Generated;
using Ppl.Language.Syntax;

namespace Ppl.Language.Parsing;

/// <summary>
/// Builds <see cref="NetDecl"/>: <c>net NAME = mlp(A -> H -> ... -> B [, act: ...] [, dropout: P] [, prior: DIST])</c>.
/// </summary>
internal static class NetDeclarations
{
    private static readonly Dictionary<string, Activation> _activations = new(StringComparer.Ordinal)
    {
        ["relu"] = Activation.Relu,
        ["tanh"] = Activation.Tanh,
        ["sigmoid"] = Activation.Sigmoid,
        ["softplus"] = Activation.Softplus,
    };

    /// <summary>Builds the declaration and reports unknown kinds, options and activations.</summary>
    public static NetDecl Build(PplParser.NetDeclContext context, AstBuilder builder, string file, DiagnosticBag diagnostics)
    {
        var names = context.NAME();
        var name = builder.Name(names[0]);
        var kind = builder.Name(names[1]);
        if (kind.Text != "mlp")
        {
            diagnostics.Error(DiagnosticCodes.InvalidNetwork, $"unknown network kind '{kind.Text}'", kind.Span,
                "write `mlp(A -> H -> B, act: relu)`: mlp is the only kind so far");
        }

        var layers = context.layers().expr().Select(builder.Expr).ToList();
        if (layers.Count < 2)
        {
            diagnostics.Error(DiagnosticCodes.InvalidNetwork,
                "a network needs at least an input and an output size, joined by '->'",
                builder.Span(context.layers()), "e.g. `mlp(784 -> 400 -> 10, act: relu)`");
        }

        var (positional, named) = builder.Arguments(context.argument(), "network");
        foreach (var extra in positional)
        {
            diagnostics.Error(DiagnosticCodes.InvalidNetwork, "a network takes its layer sizes joined by '->', then named options",
                extra.Span, "e.g. `mlp(1 -> 100 -> 1, act: tanh, dropout: 0.1)`");
        }

        Activation? activation = null;
        Expr? dropout = null;
        CallExpr? prior = null;
        foreach (var option in named)
        {
            switch (option.Name.Text)
            {
                case "act":
                    activation = ActivationOf(option, diagnostics);
                    break;
                case "dropout":
                    dropout = option.Value;
                    break;
                case "prior" when option.Value is CallExpr call:
                    prior = call;
                    break;
                case "prior":
                    diagnostics.Error(DiagnosticCodes.InvalidNetwork, "a network's prior must be a distribution",
                        option.Value.Span, "e.g. `prior: Normal(0, 1)`");
                    break;
                default:
                    diagnostics.Error(DiagnosticCodes.InvalidNetwork, $"unknown network option '{option.Name.Text}'",
                        option.Name.Span, "the options are act:, dropout: and prior:");
                    break;
            }
        }

        return new NetDecl(name, kind, layers, activation, dropout, prior, builder.Span(context));
    }

    private static Activation? ActivationOf(NamedArgument option, DiagnosticBag diagnostics)
    {
        if (option.Value is NameRef reference && _activations.TryGetValue(reference.Name, out var activation))
        {
            return activation;
        }

        diagnostics.Error(DiagnosticCodes.InvalidNetwork,
            $"unknown activation '{(option.Value as NameRef)?.Name ?? "expression"}'", option.Value.Span,
            "the activations are relu, tanh, sigmoid and softplus");
        return null;
    }
}
