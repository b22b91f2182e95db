namespace Ppl.Language.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>The model cannot be run until this is fixed.</summary>
    Error,

    /// <summary>The model runs, but probably not as the user meant.</summary>
    Warning,

    /// <summary>Extra information attached to another diagnostic.</summary>
    Note,
}
