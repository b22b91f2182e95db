namespace Ppl.Compiler.Planning;

/// <summary>The inference backends, in the planner's order of preference when several can run a model.</summary>
public enum Backend
{
    /// <summary>Expectation maximisation: exact local posteriors, point-estimated globals.</summary>
    Em,

    /// <summary>Variational message passing: conjugate-exponential models, exact where the posterior is closed form.</summary>
    Vmp,

    /// <summary>Stochastic variational inference: anything differentiable.</summary>
    Svi,
}

/// <summary>Names of backends as the command line writes them.</summary>
public static class BackendNames
{
    /// <summary>The lower-case name: <c>vmp</c>, <c>em</c>, <c>svi</c>.</summary>
    /// <param name="backend">A backend.</param>
    /// <returns>Its name.</returns>
    public static string Name(this Backend backend) => backend.ToString().ToLowerInvariant();

    /// <summary>Parses <c>vmp</c>, <c>em</c> or <c>svi</c> (case-insensitive); null for anything else.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The backend or null.</returns>
    public static Backend? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "vmp" => Backend.Vmp,
        "em" => Backend.Em,
        "svi" => Backend.Svi,
        _ => null,
    };
}
