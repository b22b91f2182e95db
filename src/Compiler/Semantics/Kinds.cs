using System.Collections.Immutable;
using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Semantics;

/// <summary>
/// The domains of values: which kind an expression has, which facts (positive, in [0, 1]) can be
/// proved of it, and which kinds fit a distribution's parameter constraint or support.
/// </summary>
/// <param name="ConstValues">The folded values of consts, by name.</param>
internal sealed record Kinds(IReadOnlyDictionary<string, ImmutableArray<double>> ConstValues)
{
    /// <summary>The constant values of an expression, when it is a literal or a folded const.</summary>
    public ImmutableArray<double>? Values(IrExpr e) => e switch
    {
        IrConstant c => c.Values,
        IrRef { Kind: SymbolKind.Const } r when ConstValues.TryGetValue(r.Name, out var v) => v,
        _ => null,
    };

    /// <summary>True when every element is provably &gt; 0.</summary>
    public bool IsPositive(IrExpr e) => Values(e) is { } v ? v.All(x => x > 0) : e switch
    {
        IrSize => true,
        IrFill f => f.Kind == FillKind.Ones,
        IrUnary u => u.Function is UnaryFunction.Exp or UnaryFunction.Softplus or UnaryFunction.Sigmoid
            || (u.Function == UnaryFunction.Sqrt && IsPositive(u.Operand)),
        IrBinary b => b.Function switch
        {
            BinaryFunction.Add or BinaryFunction.Multiply or BinaryFunction.Divide => IsPositive(b.Left) && IsPositive(b.Right),
            BinaryFunction.Power => IsPositive(b.Left),
            _ => false,
        },
        IrReduce r => IsPositive(r.Operand),
        _ => e.Type.Kind == ValueKind.Pos,
    };

    /// <summary>True when every element is provably in [0, 1].</summary>
    public bool IsUnit(IrExpr e) => Values(e) is { } v
        ? v.All(x => x is >= 0 and <= 1)
        : e.Type.Kind is ValueKind.Prob or ValueKind.Bool or ValueKind.Simplex;

    /// <summary>The kind of an arithmetic result: int for int arithmetic, pos when provably positive, else real.</summary>
    public ValueKind Arithmetic(IrExpr result, ValueKind left, ValueKind right, BinaryFunction op)
    {
        if (left == ValueKind.Int && right == ValueKind.Int && op is BinaryFunction.Add or BinaryFunction.Subtract or BinaryFunction.Multiply)
        {
            return ValueKind.Int;
        }
        if ((left == ValueKind.Cov && right == ValueKind.Cov && op == BinaryFunction.Add)
            || (op is BinaryFunction.Multiply && ((left == ValueKind.Cov && result is IrBinary { Right.Type.Shape.Rank: 0 } b1 && IsPositive(b1.Right))
                || (right == ValueKind.Cov && result is IrBinary { Left.Type.Shape.Rank: 0 } b2 && IsPositive(b2.Left)))))
        {
            return ValueKind.Cov;
        }
        return IsPositive(result) ? ValueKind.Pos : ValueKind.Real;
    }

    /// <summary>True when an argument provably satisfies a parameter's constraint.</summary>
    public bool Fits(IrExpr e, Constraint constraint) => constraint switch
    {
        Constraint.Positive or Constraint.DegreesOfFreedom => IsPositive(e),
        Constraint.NonNegative => Values(e) is { } v ? v.All(x => x >= 0) : IsPositive(e) || IsUnit(e),
        Constraint.UnitInterval => IsUnit(e),
        Constraint.Bool => Values(e) is { } v ? v.All(x => x is 0 or 1) : e.Type.Kind == ValueKind.Bool,
        Constraint.NonNegativeInteger or Constraint.BoundedInteger => Values(e) is { } v
            ? v.All(x => x >= 0 && x == Math.Floor(x))
            : e.Type.IsDiscrete || e is IrSize,
        Constraint.Simplex => Values(e) is { } v
            ? v.All(x => x >= 0) && Math.Abs(v.Sum() - 1) < 1e-9
            : e.Type.Kind == ValueKind.Simplex,
        Constraint.PositiveDefinite => e.Type.Kind == ValueKind.Cov,
        _ => true,
    };

    /// <summary>The kind of a distribution's draws.</summary>
    public static ValueKind OfSupport(Constraint support) => support switch
    {
        Constraint.Positive or Constraint.NonNegative => ValueKind.Pos,
        Constraint.UnitInterval => ValueKind.Prob,
        Constraint.Bool => ValueKind.Bool,
        Constraint.NonNegativeInteger or Constraint.BoundedInteger or Constraint.CategoryIndex or Constraint.CountVector => ValueKind.Int,
        Constraint.Simplex => ValueKind.Simplex,
        Constraint.PositiveDefinite => ValueKind.Cov,
        _ => ValueKind.Real,
    };

    /// <summary>True when observed data of this kind lies in the support (bool data under Normal does not).</summary>
    public static bool DataFits(ValueKind data, Constraint support) => support switch
    {
        Constraint.Real or Constraint.Interval => data is not ValueKind.Bool,
        Constraint.Positive => data is ValueKind.Pos,
        Constraint.NonNegative => data is ValueKind.Pos or ValueKind.Prob,
        Constraint.UnitInterval => data is ValueKind.Prob,
        Constraint.Bool => data is ValueKind.Bool or ValueKind.Prob,
        Constraint.NonNegativeInteger or Constraint.BoundedInteger or Constraint.CategoryIndex or Constraint.CountVector =>
            data is ValueKind.Int or ValueKind.Bool,
        Constraint.Simplex => data is ValueKind.Simplex,
        Constraint.PositiveDefinite => data is ValueKind.Cov,
        _ => true,
    };

    /// <summary>True when a latent declared with this kind can hold the distribution's draws.</summary>
    public static bool DeclaredHolds(ValueKind declared, Constraint support) => declared switch
    {
        ValueKind.Real => OfSupport(support) is ValueKind.Real or ValueKind.Pos or ValueKind.Prob or ValueKind.Simplex or ValueKind.Cov,
        ValueKind.Pos => support is Constraint.Positive or Constraint.NonNegative,
        ValueKind.Prob => support is Constraint.UnitInterval,
        ValueKind.Int => OfSupport(support) is ValueKind.Int || support == Constraint.Bool,
        ValueKind.Bool => support == Constraint.Bool,
        ValueKind.Simplex => support == Constraint.Simplex,
        _ => support == Constraint.PositiveDefinite,
    };

    /// <summary>A support or constraint in words.</summary>
    public static string Describe(Constraint c) => c switch
    {
        Constraint.Real => "real numbers",
        Constraint.Positive => "positive reals",
        Constraint.NonNegative => "non-negative reals",
        Constraint.UnitInterval => "probabilities in [0, 1]",
        Constraint.Interval => "reals between lo and hi",
        Constraint.GreaterThanPrevious => "reals above lo",
        Constraint.DegreesOfFreedom => "positive degrees of freedom",
        Constraint.Bool => "0 or 1",
        Constraint.NonNegativeInteger => "non-negative integers",
        Constraint.BoundedInteger => "integers 0..n",
        Constraint.CategoryIndex => "category indices 0..K-1",
        Constraint.CountVector => "vectors of counts",
        Constraint.Simplex => "probability vectors (simplex)",
        _ => "positive-definite matrices (cov)",
    };

    /// <summary>What one argument must be, in words ("positive", "a probability vector (simplex)").</summary>
    public static string DescribeOne(Constraint c) => c switch
    {
        Constraint.Positive => "positive",
        Constraint.NonNegative => "non-negative",
        Constraint.UnitInterval => "a probability in [0, 1]",
        Constraint.DegreesOfFreedom => "positive degrees of freedom",
        Constraint.Bool => "0 or 1",
        Constraint.NonNegativeInteger or Constraint.BoundedInteger => "a non-negative integer",
        Constraint.Simplex => "a probability vector (simplex)",
        Constraint.PositiveDefinite => "a positive-definite matrix (cov)",
        _ => "real",
    };

    /// <summary>The language's name of a kind.</summary>
    public static string Name(ValueKind kind) => kind.ToString().ToLowerInvariant();
}
