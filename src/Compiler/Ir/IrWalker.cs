namespace Ppl.Compiler.Ir;

/// <summary>
/// Traversals of IR expressions and distributions shared by the printer, the analyses and the planner:
/// the sub-expressions of an expression, and the names a node depends on.
/// </summary>
public static class IrWalker
{
    /// <summary>The direct operands of <paramref name="expression"/> (empty for leaves).</summary>
    /// <param name="expression">An expression.</param>
    /// <returns>Its children, left to right.</returns>
    public static IEnumerable<IrExpr> Children(IrExpr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression switch
        {
            IrPlateIndex e => [e.Target],
            IrGather e => [e.Target, e.Index],
            IrElement e => [e.Target],
            IrSlice e => [e.Target],
            IrUnary e => [e.Operand],
            IrBinary e => [e.Left, e.Right],
            IrMatMul e => [e.Left, e.Right],
            IrReduce e => [e.Operand],
            IrArray e => e.Elements,
            IrNetCall e => [e.Input],
            _ => [],
        };
    }

    /// <summary><paramref name="expression"/> and all its sub-expressions, parents before children.</summary>
    /// <param name="expression">An expression.</param>
    /// <returns>The expressions of the tree in pre-order.</returns>
    public static IEnumerable<IrExpr> Descendants(IrExpr expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var stack = new Stack<IrExpr>();
        stack.Push(expression);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in Children(current).Reverse())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>All expressions of a distribution's arguments and of its mixture components.</summary>
    /// <param name="distribution">A distribution.</param>
    /// <returns>Every expression, pre-order, arguments first.</returns>
    public static IEnumerable<IrExpr> Descendants(IrDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        foreach (var argument in distribution.Arguments)
        {
            foreach (var e in Descendants(argument))
            {
                yield return e;
            }
        }

        foreach (var component in distribution.Components)
        {
            foreach (var e in Descendants(component))
            {
                yield return e;
            }
        }
    }

    /// <summary>The expressions directly held by a node (definition, initial value, distribution, net prior).</summary>
    /// <param name="node">A node.</param>
    /// <returns>Every expression of the node, pre-order.</returns>
    public static IEnumerable<IrExpr> Expressions(IrNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            ConstNode c => Descendants(c.Value),
            LetNode l => Descendants(l.Value),
            ParamNode { Init: { } init } => Descendants(init),
            RandomNode r => Descendants(r.Distribution),
            NetNode { Prior: { } prior } => Descendants(prior),
            _ => [],
        };
    }

    /// <summary>The names of the nodes <paramref name="node"/> reads (references and called nets), each once.</summary>
    /// <param name="node">A node.</param>
    /// <returns>Distinct names in order of first use.</returns>
    public static IReadOnlyList<string> Dependencies(IrNode node) =>
        [.. Expressions(node).SelectMany(ReferencedNames).Distinct()];

    /// <summary>The names referenced by the expressions of <paramref name="expression"/>'s tree.</summary>
    /// <param name="expression">An expression.</param>
    /// <returns>Distinct names, in order of first use.</returns>
    public static IReadOnlyList<string> References(IrExpr expression) =>
        [.. Descendants(expression).SelectMany(ReferencedNames).Distinct()];

    private static IEnumerable<string> ReferencedNames(IrExpr expression) => expression switch
    {
        IrRef r => [r.Name],
        IrNetCall c => [c.Net],
        _ => [],
    };
}
