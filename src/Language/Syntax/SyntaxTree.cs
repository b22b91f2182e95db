namespace Ppl.Language.Syntax;

/// <summary>Generic navigation over the AST, for passes that look for one kind of node (e.g. every <see cref="NameRef"/>).</summary>
public static class SyntaxTree
{
    /// <summary>The direct children of a node, in source order.</summary>
    /// <param name="node">Any AST node.</param>
    /// <returns>Its child nodes (names, types, expressions, statements).</returns>
    public static IEnumerable<SyntaxNode> Children(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            ModelFile f => f.Statements,
            DataDecl d => [d.Name, d.Type],
            ConstDecl c => [c.Name, c.Value],
            ParamDecl p => p.Init is null ? [p.Name, p.Type] : [p.Name, p.Type, p.Init],
            SampleStmt s => s.Type is null ? [s.Target, s.Distribution] : [s.Target, s.Type, s.Distribution],
            SampleTarget t => [t.Name, .. t.Indices],
            LetStmt l => [l.Name, l.Value],
            PlateStmt p => [p.Index, p.Size, .. Optional(p.Batch), .. p.Body],
            NetDecl n => [n.Name, n.Kind, .. n.Layers, .. Optional(n.Dropout), .. Optional(n.Prior)],
            GuideBlock g => g.Body,
            TypeRef t => t.Sizes,
            ArrayLit a => a.Elements,
            UnaryExpr u => [u.Operand],
            BinaryExpr b => [b.Left, b.Right],
            IndexExpr i => [i.Target, .. i.Indices],
            PointIndex p => [p.Index],
            SliceIndex s => [.. Optional(s.Lower), .. Optional(s.Upper)],
            CallExpr c => [c.Callee, .. c.Arguments, .. c.NamedArguments],
            NamedArgument a => [a.Name, a.Value],
            _ => [],
        };
    }

    /// <summary>The node and all nodes below it, depth first in source order.</summary>
    /// <param name="node">The root.</param>
    /// <returns>Every node of the subtree, <paramref name="node"/> first.</returns>
    public static IEnumerable<SyntaxNode> DescendantsAndSelf(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var stack = new Stack<SyntaxNode>();
        stack.Push(node);
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

    private static SyntaxNode[] Optional(SyntaxNode? node) => node is null ? [] : [node];
}
