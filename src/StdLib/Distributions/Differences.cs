namespace Ppl.StdLib.Distributions;

/// <summary>Numerical derivatives for the implicit reparameterisation gradients (∂F/∂α of a CDF).</summary>
internal static class Differences
{
    /// <summary>
    /// f′(x) by a central difference with Richardson extrapolation:
    /// (4·D(h/2) − D(h)) / 3 with D(h) = (f(x + h) − f(x − h)) / 2h, error O(h⁴).
    /// </summary>
    public static double Derivative(Func<double, double> f, double x, double h)
    {
        var coarse = (f(x + h) - f(x - h)) / (2 * h);
        var fine = (f(x + 0.5 * h) - f(x - 0.5 * h)) / h;
        return (4 * fine - coarse) / 3;
    }
}
