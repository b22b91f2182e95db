using Ppl.Language.Syntax;

namespace Ppl.Compiler.Semantics;

/// <summary>Evaluates number-valued expressions of literals and known consts (for consts that are sizes).</summary>
internal static class ConstantNumbers
{
    /// <summary>The value of <paramref name="expression"/>, or null when it depends on anything but literals and known consts.</summary>
    public static double? Evaluate(Expr expression, IReadOnlyDictionary<string, double> consts) => expression switch
    {
        NumberLit n => n.Value,
        NameRef r => consts.TryGetValue(r.Name, out var v) ? v : null,
        UnaryExpr u => -Evaluate(u.Operand, consts),
        BinaryExpr b when Evaluate(b.Left, consts) is double l && Evaluate(b.Right, consts) is double r => b.Op switch
        {
            BinaryOp.Add => l + r,
            BinaryOp.Subtract => l - r,
            BinaryOp.Multiply => l * r,
            BinaryOp.Divide => l / r,
            BinaryOp.Power => Math.Pow(l, r),
            _ => null,
        },
        _ => null,
    };

    /// <summary>True when <paramref name="value"/> is an integer at least <paramref name="minimum"/>.</summary>
    public static bool IsInteger(double value, int minimum) =>
        value >= minimum && value == Math.Floor(value) && value <= int.MaxValue;
}
