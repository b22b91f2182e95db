using Ppl.Tensors.Special;

namespace Ppl.Compiler.Ir;

/// <summary>
/// The meaning of the IR's elementwise functions on doubles: one definition for every evaluator
/// that works in double precision (forward sampling, the message-passing backend's constant folding).
/// Sigmoid and softplus come from <see cref="SpecialFunctions"/>, accurate in both tails.
/// </summary>
public static class IrFunctions
{
    /// <summary>The double-precision function of <paramref name="function"/>.</summary>
    /// <param name="function">An elementwise function of the IR.</param>
    /// <returns>The function on doubles.</returns>
    public static Func<double, double> Unary(UnaryFunction function) => function switch
    {
        UnaryFunction.Negate => x => -x,
        UnaryFunction.Exp => Math.Exp,
        UnaryFunction.Log => Math.Log,
        UnaryFunction.Sqrt => Math.Sqrt,
        UnaryFunction.Sigmoid => SpecialFunctions.Sigmoid,
        UnaryFunction.Softplus => SpecialFunctions.Softplus,
        UnaryFunction.Relu => x => Math.Max(0, x),
        UnaryFunction.Tanh => Math.Tanh,
        _ => throw new InvalidOperationException($"internal error: unary function {function}"),
    };

    /// <summary>The double-precision operator of <paramref name="function"/>.</summary>
    /// <param name="function">An elementwise binary operator of the IR.</param>
    /// <returns>The operator on doubles.</returns>
    public static Func<double, double, double> Binary(BinaryFunction function) => function switch
    {
        BinaryFunction.Add => (a, b) => a + b,
        BinaryFunction.Subtract => (a, b) => a - b,
        BinaryFunction.Multiply => (a, b) => a * b,
        BinaryFunction.Divide => (a, b) => a / b,
        BinaryFunction.Power => Math.Pow,
        _ => throw new InvalidOperationException($"internal error: binary operator {function}"),
    };
}
