namespace Ppl.Tensors.Ops;

/// <summary>
/// The elementwise functions that carry constants (a·x + b, xᵖ, c/x, clamp), one immutable instance
/// per distinct constant: a training step applies the same few constants every step (−1, 0.5, 1/n),
/// so it finds them here instead of allocating a function object per op.
/// </summary>
/// <remarks>
/// Per thread, so that no lock is needed, and bounded: past <see cref="Capacity"/> distinct
/// constants (a loop whose constants keep changing) new ones are created and not kept.
/// </remarks>
internal static class ConstantFunctions
{
    private const int Capacity = 1024;

    [ThreadStatic]
    private static Dictionary<(int Kind, double A, double B), UnaryFunction>? _cache;

    /// <summary>y = a·x + b.</summary>
    internal static UnaryFunction Affine(double scale, double shift) => Get(0, scale, shift);

    /// <summary>y = xᵖ.</summary>
    internal static UnaryFunction Pow(double exponent) => Get(1, exponent, 0);

    /// <summary>y = c / x.</summary>
    internal static UnaryFunction ScaledReciprocal(double numerator) => Get(2, numerator, 0);

    /// <summary>y = min(max(x, lo), hi).</summary>
    internal static UnaryFunction Clamp(double min, double max) => Get(3, min, max);

    private static UnaryFunction Get(int kind, double a, double b)
    {
        var cache = _cache ??= [];
        if (cache.TryGetValue((kind, a, b), out var function))
        {
            return function;
        }
        function = kind switch
        {
            0 => new AffineFunction(a, b),
            1 => new PowFunction(a),
            2 => new ScaledReciprocalFunction(a),
            _ => new ClampFunction(a, b),
        };
        if (cache.Count < Capacity)
        {
            cache[(kind, a, b)] = function;
        }
        return function;
    }
}
