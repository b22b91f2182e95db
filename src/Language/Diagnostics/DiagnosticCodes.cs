namespace Ppl.Language.Diagnostics;

/// <summary>
/// The codes of the front end's diagnostics. PPL00xx are syntax (this assembly); PPL01xx are names,
/// types and shapes (the compiler). The table with examples is docs/diagnostics.md.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The model file is missing or cannot be read.</summary>
    public const string CannotReadFile = "PPL0001";

    /// <summary>A character that is not part of the language, e.g. <c>$</c>.</summary>
    public const string UnexpectedCharacter = "PPL0002";

    /// <summary>A <c>/*</c> comment with no closing <c>*/</c>.</summary>
    public const string UnterminatedComment = "PPL0003";

    /// <summary>A <c>(</c>, <c>[</c> or <c>{</c> that is never closed.</summary>
    public const string UnclosedBracket = "PPL0004";

    /// <summary><c>=</c> written where a sampling statement needs <c>~</c>.</summary>
    public const string AssignInsteadOfSample = "PPL0005";

    /// <summary>A name on its own, with no <c>~ Distribution(...)</c> after it.</summary>
    public const string MissingDistribution = "PPL0006";

    /// <summary><c>batch</c> in a plate with no size after it.</summary>
    public const string BatchWithoutSize = "PPL0007";

    /// <summary>A keyword (<c>plate</c>, <c>data</c>, <c>real</c>, ...) where a name is needed.</summary>
    public const string KeywordAsName = "PPL0008";

    /// <summary>Any other token the grammar does not allow where it stands.</summary>
    public const string UnexpectedToken = "PPL0009";

    /// <summary>A <c>)</c>, <c>]</c> or <c>}</c> with nothing open to close.</summary>
    public const string UnmatchedClosingBracket = "PPL0010";

    /// <summary>An operator, <c>=</c> or <c>,</c> with no expression after it.</summary>
    public const string MissingExpression = "PPL0011";

    /// <summary>Two statements on one line without a <c>;</c> between them.</summary>
    public const string MissingSeparator = "PPL0012";

    /// <summary>A type name that is not one of real, int, bool, pos, prob, simplex, cov.</summary>
    public const string UnknownType = "PPL0013";

    /// <summary>A malformed <c>net</c> declaration (unknown kind, too few layers, unknown option).</summary>
    public const string InvalidNetwork = "PPL0014";

    /// <summary>An argument list with a positional argument after a named one, or a name given twice.</summary>
    public const string InvalidArguments = "PPL0015";

    /// <summary>A <c>guide</c> block inside another <c>guide</c> block.</summary>
    public const string NestedGuide = "PPL0016";

    /// <summary>A numeric literal too large for a 64-bit float.</summary>
    public const string InvalidNumber = "PPL0017";

    /// <summary><c>~</c> followed by something that is not a distribution call.</summary>
    public const string MissingDistributionCall = "PPL0018";

    /// <summary>Something other than a declaration or statement at the start of a line.</summary>
    public const string ExpectedStatement = "PPL0019";

    /// <summary>Brackets nested so deep that the parser refuses the file.</summary>
    public const string NestedTooDeeply = "PPL0020";
}
