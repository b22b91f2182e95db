using System.Globalization;
using System.Text;

namespace Ppl.Language.Syntax;

/// <summary>
/// A readable dump of the AST, one statement per line with its position, nested statements
/// indented and every compound expression in parentheses, so that precedence is visible:
/// <code>
/// sample x[n] ~ Normal(((W @ z[n]) + mu), var: sigma2)    @7:3
/// </code>
/// Used by the golden tests and by <c>ppl explain --dump ast</c>.
/// </summary>
public static class AstDump
{
    /// <summary>Dumps a whole file.</summary>
    /// <param name="model">The AST.</param>
    /// <returns>One line per statement, each ending with a newline.</returns>
    public static string Of(ModelFile model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        foreach (var statement in model.Statements)
        {
            Append(statement, 0, text);
        }

        return text.ToString();
    }

    /// <summary>An expression in source syntax, with every compound subexpression in parentheses.</summary>
    /// <param name="expression">The expression.</param>
    /// <returns>Its text.</returns>
    public static string Of(Expr expression) => expression switch
    {
        NumberLit n => n.Text,
        NameRef r => r.Name,
        ArrayLit a => $"[{string.Join(", ", a.Elements.Select(Of))}]",
        UnaryExpr u => $"(-{Of(u.Operand)})",
        BinaryExpr b => $"({Of(b.Left)} {Symbol(b.Op)} {Of(b.Right)})",
        IndexExpr i => $"{Of(i.Target)}[{string.Join(", ", i.Indices.Select(Of))}]",
        CallExpr c => Of(c),
        _ => throw new ArgumentException($"unknown expression node {expression.GetType().Name}", nameof(expression)),
    };

    /// <summary>A type as written, e.g. <c>real[N, D]</c>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its text.</returns>
    public static string Of(TypeRef type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var kind = type.Kind.ToString().ToLowerInvariant();
        return type.Sizes.Count == 0 ? kind : $"{kind}[{string.Join(", ", type.Sizes.Select(Of))}]";
    }

    private static string Of(CallExpr call)
    {
        var arguments = call.Arguments.Select(Of).Concat(call.NamedArguments.Select(a => $"{a.Name.Text}: {Of(a.Value)}"));
        return $"{call.Callee.Text}({string.Join(", ", arguments)})";
    }

    private static string Of(IndexArg index) => index switch
    {
        PointIndex p => Of(p.Index),
        SliceIndex s => $"{(s.Lower is null ? string.Empty : Of(s.Lower))}:{(s.Upper is null ? string.Empty : Of(s.Upper))}",
        _ => throw new ArgumentException($"unknown index node {index.GetType().Name}", nameof(index)),
    };

    private static string Symbol(BinaryOp op) => op switch
    {
        BinaryOp.Power => "^",
        BinaryOp.MatMul => "@",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator"),
    };

    private static void Append(Statement statement, int depth, StringBuilder text)
    {
        var line = statement switch
        {
            DataDecl d => $"data {d.Name}: {Of(d.Type)}",
            ConstDecl c => $"const {c.Name} = {Of(c.Value)}",
            ParamDecl p => $"param {p.Name}: {Of(p.Type)}{(p.Init is null ? string.Empty : $" = {Of(p.Init)}")}",
            LetStmt l => $"let {l.Name} = {Of(l.Value)}",
            SampleStmt s => $"sample {Target(s.Target)}{(s.Type is null ? string.Empty : $": {Of(s.Type)}")} ~ {Of(s.Distribution)}",
            PlateStmt p => $"plate {p.Index} in {Of(p.Size)}{(p.Batch is null ? string.Empty : $" batch {Of(p.Batch)}")}",
            NetDecl n => Net(n),
            GuideBlock => "guide",
            _ => throw new ArgumentException($"unknown statement node {statement.GetType().Name}", nameof(statement)),
        };
        var position = string.Create(CultureInfo.InvariantCulture, $"@{statement.Span.Line}:{statement.Span.Column}");
        text.Append(' ', 2 * depth).Append(line.PadRight(Math.Max(0, 56 - (2 * depth)))).Append("  ").Append(position).Append('\n');
        var body = statement switch
        {
            PlateStmt p => p.Body,
            GuideBlock g => g.Body,
            _ => [],
        };
        foreach (var inner in body)
        {
            Append(inner, depth + 1, text);
        }
    }

    private static string Target(SampleTarget target) =>
        target.Indices.Count == 0 ? target.Name.Text : $"{target.Name}[{string.Join(", ", target.Indices.Select(Of))}]";

    private static string Net(NetDecl net)
    {
        var options = new List<string> { string.Join(" -> ", net.Layers.Select(Of)) };
        if (net.Activation is { } act)
        {
            options.Add($"act: {act.ToString().ToLowerInvariant()}");
        }

        if (net.Dropout is { } dropout)
        {
            options.Add($"dropout: {Of(dropout)}");
        }

        if (net.Prior is { } prior)
        {
            options.Add($"prior: {Of(prior)}");
        }

        return $"net {net.Name} = {net.Kind}({string.Join(", ", options)})";
    }
}
