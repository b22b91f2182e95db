using System.Globalization;

namespace Ppl.StdLib.Distributions;

/// <summary>
/// A distribution was given a parameter outside its constraint, e.g. "Normal: sd must be positive, got -1".
/// The message names the distribution, the parameter and the offending value so that the compiler can
/// turn it into a user diagnostic unchanged.
/// </summary>
public sealed class DistributionParameterException : ArgumentException
{
    /// <summary>Creates the exception from its parts; the message is composed from them.</summary>
    /// <param name="distribution">The distribution's name as the language spells it, e.g. "Normal".</param>
    /// <param name="parameter">The parameter's name, e.g. "sd".</param>
    /// <param name="requirement">What the value must satisfy, e.g. "must be positive".</param>
    /// <param name="value">The offending value, already formatted.</param>
    public DistributionParameterException(string distribution, string parameter, string requirement, string value)
        : base($"{distribution}: {parameter} {requirement}, got {value}", parameter)
    {
        Distribution = distribution;
        Parameter = parameter;
        Requirement = requirement;
        Value = value;
    }

    /// <summary>Creates the exception with a plain message (for serialisers and tooling).</summary>
    public DistributionParameterException() : base("A distribution parameter is invalid.")
    {
        Distribution = Parameter = Requirement = Value = string.Empty;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public DistributionParameterException(string message) : base(message)
    {
        Distribution = Parameter = Requirement = Value = string.Empty;
    }

    /// <summary>Creates the exception with a plain message and an inner exception.</summary>
    public DistributionParameterException(string message, Exception innerException) : base(message, innerException)
    {
        Distribution = Parameter = Requirement = Value = string.Empty;
    }

    /// <summary>The distribution whose parameter is invalid, e.g. "Normal".</summary>
    public string Distribution { get; }

    /// <summary>The invalid parameter, e.g. "sd".</summary>
    public string Parameter { get; }

    /// <summary>The requirement it violates, e.g. "must be positive".</summary>
    public string Requirement { get; }

    /// <summary>The offending value as text.</summary>
    public string Value { get; }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
