namespace Ppl.Compiler;

/// <summary>
/// The codes of the compiler's diagnostics: PPL01xx for names and scopes, PPL02xx for types, shapes
/// and distributions. PPL00xx are the language's (syntax). The table with examples is docs/compiler-diagnostics.md.
/// </summary>
public static class CompilerDiagnostics
{
    /// <summary>A name that is not declared anywhere.</summary>
    public const string UnknownName = "PPL0101";

    /// <summary>A name declared twice in the same scope.</summary>
    public const string DuplicateName = "PPL0102";

    /// <summary>A name used above the statement that defines it.</summary>
    public const string UsedBeforeDefinition = "PPL0103";

    /// <summary>A size name that no data shape or const binds.</summary>
    public const string UnknownSize = "PPL0104";

    /// <summary>A distribution name that is not in the catalogue.</summary>
    public const string UnknownDistribution = "PPL0105";

    /// <summary>A function name that is neither built in nor a net.</summary>
    public const string UnknownFunction = "PPL0106";

    /// <summary>A named argument the distribution does not have.</summary>
    public const string UnknownArgument = "PPL0107";

    /// <summary>A name used as something it is not: a net without a call, a distribution in an expression, a plate index as a number.</summary>
    public const string MisusedName = "PPL0108";

    /// <summary>A guide statement that names no model latent, or reads one.</summary>
    public const string InvalidGuide = "PPL0109";

    /// <summary>A data variable observed by two statements.</summary>
    public const string ObservedTwice = "PPL0110";

    /// <summary>A size that is not a positive integer computable before data is bound.</summary>
    public const string InvalidSize = "PPL0111";

    /// <summary>A <c>~</c> target whose indices are not the enclosing plates' indices.</summary>
    public const string PlateIndexMismatch = "PPL0112";

    /// <summary>A plate index reused with a different size.</summary>
    public const string InconsistentPlate = "PPL0113";

    /// <summary>Too few or too many arguments.</summary>
    public const string WrongArity = "PPL0201";

    /// <summary>An argument outside its parameter's domain (a real where a positive value is required).</summary>
    public const string ArgumentDomain = "PPL0202";

    /// <summary>A variate outside the distribution's support (bool data under Normal).</summary>
    public const string SupportMismatch = "PPL0203";

    /// <summary>Shapes that do not broadcast.</summary>
    public const string ShapeMismatch = "PPL0204";

    /// <summary>A matrix product whose inner sizes differ.</summary>
    public const string MatMulShape = "PPL0205";

    /// <summary>An invalid index: too many, not an integer, out of range.</summary>
    public const string InvalidIndex = "PPL0206";

    /// <summary>A parameter given twice (positionally and by name, or two alternatives).</summary>
    public const string DuplicateArgument = "PPL0207";

    /// <summary>A guide latent whose shape or support differs from the model's.</summary>
    public const string GuideMismatch = "PPL0208";

    /// <summary>A value of the wrong type: a declared type that disagrees, a non-constant where a constant is needed.</summary>
    public const string TypeMismatch = "PPL0209";
}
