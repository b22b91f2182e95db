namespace Ppl.Compiler.Semantics;

/// <summary>The functions an expression can call (DESIGN.md, "Expressions").</summary>
internal static class BuiltinFunctions
{
    /// <summary>Elementwise functions of one argument.</summary>
    public static readonly IReadOnlyList<string> Elementwise = ["exp", "log", "sqrt", "sigmoid", "softplus", "relu", "tanh"];

    /// <summary>Every built-in function.</summary>
    public static readonly IReadOnlyList<string> All = [.. Elementwise, "dot", "sum", "mean", "zeros", "ones", "I"];

    /// <summary>True for a built-in function name.</summary>
    public static bool Contains(string name) => All.Contains(name, StringComparer.Ordinal);
}
