using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Ppl.StdLib.Distributions;

namespace Ppl.Compiler.Ir;

/// <summary>
/// A readable, deterministic dump of the Model IR (<c>ppl explain --dump ir</c>, golden IR files, and
/// the text-vs-fluent equality tests). One line per size, plate and node, in IR order:
/// <code>
/// model coin.ppl
/// size N = flips.shape[0]
/// plate n in N
/// data flips: bool[N]
/// latent theta: prob ~ Beta(1, 1)
/// observe flips[n]: bool ~ Bernoulli(theta)
/// </code>
/// A node inside plates is written with its plate indices (<c>z[n]</c>); its type is the type of one
/// element, in the language's notation (<c>cov[D]</c> for a D×D matrix). A distribution whose
/// parameterisation is one of the family's named alternatives is written with it (<c>Normal.precision(mu, tau)</c>).
/// Binary operations are fully parenthesised (except a whole argument or definition), so the dump
/// shows the tree, not the precedence. A reference to a node inside the plates it shares with the use
/// site is written with those indices (<c>z[n]</c>), like a plate index into data.
/// Spans are not printed, so the dump of a model does not depend on its file's layout.
/// </summary>
public static class IrPrinter
{
    /// <summary>Dumps a whole model, guide included.</summary>
    /// <param name="model">The IR.</param>
    /// <returns>The text, one line per item, ending with a newline.</returns>
    public static string Print(ModelIr model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        text.Append("model ").Append(model.Source).Append('\n');
        foreach (var size in model.Sizes)
        {
            text.Append(Size(size)).Append('\n');
        }

        foreach (var plate in model.Plates)
        {
            text.Append(Plate(plate)).Append('\n');
        }

        foreach (var node in model.Nodes)
        {
            text.Append(Node(node)).Append('\n');
        }

        if (model.Guide is { } guide)
        {
            text.Append("guide\n");
            foreach (var plate in guide.Plates)
            {
                text.Append("  ").Append(Plate(plate)).Append('\n');
            }

            foreach (var node in guide.Nodes)
            {
                text.Append("  ").Append(Node(node)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>One size symbol: <c>size N = flips.shape[0]</c> or <c>size K = 3</c>.</summary>
    /// <param name="size">The size.</param>
    /// <returns>One line without a newline.</returns>
    public static string Size(SizeSymbol size)
    {
        ArgumentNullException.ThrowIfNull(size);
        var text = "size " + size.Name;
        if (size.Value is int value)
        {
            text += " = " + value.ToString(CultureInfo.InvariantCulture);
        }

        if (size.FromData is { } data)
        {
            text += " = " + data + ".shape[" + size.Axis.ToString(CultureInfo.InvariantCulture) + "]";
        }

        return text;
    }

    /// <summary>One plate: <c>plate n in N batch 128</c>, with <c>(implicit)</c> for a plate made by lowering.</summary>
    /// <param name="plate">The plate.</param>
    /// <returns>One line without a newline.</returns>
    public static string Plate(Plate plate)
    {
        ArgumentNullException.ThrowIfNull(plate);
        var text = "plate " + plate.Index + " in " + plate.Size;
        if (plate.Batch is int batch)
        {
            text += " batch " + batch.ToString(CultureInfo.InvariantCulture);
        }

        return plate.IsImplicit ? text + " (implicit)" : text;
    }

    /// <summary>One node, e.g. <c>latent w: real[D] ~ Normal.precision(0, alpha)</c>.</summary>
    /// <param name="node">The node.</param>
    /// <returns>One line without a newline.</returns>
    public static string Node(IrNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            DataNode d => $"data {d.Name}: {Type(d.Type)}",
            ConstNode c => $"const {c.Name}: {Type(c.Type)} = {Argument(c.Value)}",
            ParamNode p => $"param {Indexed(p.Name, p.Plates)}: {Type(p.Type)}" + (p.Init is { } init ? " = " + Argument(init) : ""),
            RandomNode r => $"{(r.IsObserved ? "observe" : "latent")} {Indexed(r.Name, r.Plates)}: {Type(r.Type)} ~ {Distribution(r.Distribution)}",
            LetNode l => $"let {Indexed(l.Name, l.Plates)}: {Type(l.Type)} = {Argument(l.Value)}",
            NetNode n => Net(n),
            _ => throw new InvalidOperationException($"internal error: unknown IR node {node.GetType().Name}"),
        };
    }

    /// <summary>A type in the language's notation: <c>real[N, D]</c>, <c>simplex[K]</c>, <c>cov[K, D]</c>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The text.</returns>
    public static string Type(IrType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var dims = type.Shape.Dims;
        if (type.Kind == ValueKind.Cov && dims.Length >= 2)
        {
            dims = dims[..^1];
        }

        var kind = type.Kind.ToString().ToLowerInvariant();
        return dims.Length == 0 ? kind : kind + "[" + string.Join(", ", dims) + "]";
    }

    /// <summary>A distribution: <c>Family(args)</c>, <c>Family.parameterisation(args)</c>, or a mixture with its components.</summary>
    /// <param name="distribution">The distribution.</param>
    /// <returns>The text.</returns>
    public static string Distribution(IrDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var name = IsAlternative(distribution)
            ? distribution.Family + "." + distribution.Parameterisation
            : distribution.Family;
        var arguments = distribution.Arguments.Select(Argument)
            .Concat(distribution.Components.Select(Distribution));
        return name + "(" + string.Join(", ", arguments) + ")";
    }

    /// <summary>An expression, fully parenthesised.</summary>
    /// <param name="expression">The expression.</param>
    /// <returns>The text.</returns>
    public static string Expression(IrExpr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression switch
        {
            IrConstant c => Constant(c),
            IrRef r => Indexed(r.Name, r.Plates),
            IrPlateIndex p => Target(p.Target) + AxisIndex(p.Axis, p.Plate),
            IrGather g => Target(g.Target) + "[" + Expression(g.Index) + "]",
            IrElement e => Target(e.Target) + AxisIndex(e.Axis, e.Position.ToString(CultureInfo.InvariantCulture)),
            IrSlice s => Target(s.Target) + AxisIndex(s.Axis, s.Lower + ":" + s.Upper),
            IrUnary { Function: UnaryFunction.Negate } u => "-" + Operand(u.Operand),
            IrUnary u => u.Function.ToString().ToLowerInvariant() + "(" + Argument(u.Operand) + ")",
            IrBinary b => "(" + Expression(b.Left) + " " + Operator(b.Function) + " " + Expression(b.Right) + ")",
            IrMatMul m => "(" + Expression(m.Left) + " @ " + Expression(m.Right) + ")",
            IrReduce r => r.Function.ToString().ToLowerInvariant() + "(" + Argument(r.Operand) + ")",
            IrFill f => Fill(f),
            IrArray s => "[" + string.Join(", ", s.Elements.Select(Argument)) + "]",
            IrNetCall n => n.Net + "(" + Argument(n.Input) + ")",
            IrSize z => z.Size.ToString(),
            _ => throw new InvalidOperationException($"internal error: unknown IR expression {expression.GetType().Name}"),
        };
    }

    /// <summary>An expression standing alone (an argument, a definition): its outermost parentheses dropped.</summary>
    /// <param name="expression">The expression.</param>
    /// <returns>The text.</returns>
    public static string Argument(IrExpr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = Expression(expression);
        return expression is IrBinary or IrMatMul ? text[1..^1] : text;
    }

    /// <summary>A number as the dump writes it: shortest round-trip form, invariant culture.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>True when the distribution uses one of its family's named alternatives (<c>precision:</c>).</summary>
    /// <param name="distribution">The distribution.</param>
    /// <returns>Whether the parameterisation is not the positional one.</returns>
    public static bool IsAlternative(IrDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return DistributionCatalog.TryGet(distribution.Family, out var spec)
            && spec.Alternatives.Any(a => a.Name == distribution.Parameterisation);
    }

    private static string Net(NetNode net)
    {
        var text = new StringBuilder("net ").Append(net.Name).Append(" = mlp(")
            .Append(string.Join(" -> ", net.Layers))
            .Append(", act: ").Append(net.Activation.ToString().ToLowerInvariant());
        if (net.Dropout is double dropout)
        {
            text.Append(", dropout: ").Append(Number(dropout));
        }

        if (net.Prior is { } prior)
        {
            text.Append(", prior: ").Append(Distribution(prior));
        }

        return text.Append(')').ToString();
    }

    private static string Indexed(string name, ImmutableArray<string> plates) =>
        plates.IsDefaultOrEmpty ? name : name + "[" + string.Join(", ", plates) + "]";

    /// <summary>Indexing on axis k is written with k leading <c>:</c> (<c>h[:, 0]</c>).</summary>
    private static string AxisIndex(int axis, string index) =>
        "[" + string.Concat(Enumerable.Repeat(":, ", axis)) + index + "]";

    /// <summary>An indexed value; compound targets are parenthesised.</summary>
    private static string Target(IrExpr target) => target switch
    {
        IrBinary or IrMatMul or IrUnary { Function: UnaryFunction.Negate } => "(" + Expression(target) + ")",
        _ => Expression(target),
    };

    private static string Operand(IrExpr operand) => operand switch
    {
        IrConstant or IrRef or IrPlateIndex or IrGather or IrElement or IrSlice or IrNetCall or IrBinary or IrMatMul => Expression(operand),
        _ => "(" + Expression(operand) + ")",
    };

    private static string Operator(BinaryFunction function) => function switch
    {
        BinaryFunction.Add => "+",
        BinaryFunction.Subtract => "-",
        BinaryFunction.Multiply => "*",
        BinaryFunction.Divide => "/",
        BinaryFunction.Power => "^",
        _ => throw new InvalidOperationException($"internal error: unknown operator {function}"),
    };

    private static string Fill(IrFill fill)
    {
        var name = fill.Kind switch
        {
            FillKind.Zeros => "zeros",
            FillKind.Ones => "ones",
            FillKind.Identity => "I",
            _ => throw new InvalidOperationException($"internal error: unknown fill {fill.Kind}"),
        };
        var dims = fill.Kind == FillKind.Identity && fill.Type.Shape.Rank == 2
            ? fill.Type.Shape.Dims[..1]
            : fill.Type.Shape.Dims;
        return name + "(" + string.Join(", ", dims) + ")";
    }

    /// <summary>A scalar as a number; an array as nested brackets following its shape when the sizes are literal.</summary>
    private static string Constant(IrConstant constant)
    {
        var values = constant.Values;
        var dims = constant.Type.Shape.Dims;
        if (dims.Length == 0 && values.Length == 1)
        {
            return Number(values[0]);
        }

        if (dims.Length == 0 || dims.Any(d => !d.IsKnown) || dims.Aggregate(1, (p, d) => p * d.Value) != values.Length)
        {
            return "[" + string.Join(", ", values.Select(Number)) + "]";
        }

        var position = 0;
        return Nested(values, [.. dims.Select(d => d.Value)], 0, ref position);
    }

    private static string Nested(ImmutableArray<double> values, int[] dims, int axis, ref int position)
    {
        var parts = new string[dims[axis]];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = axis == dims.Length - 1 ? Number(values[position++]) : Nested(values, dims, axis + 1, ref position);
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
