namespace Ppl.StdLib.Data;

/// <summary>
/// What a reader returns: the arrays it could read and the errors it found. An array with any error
/// is left out of <see cref="Data"/>, so callers should report <see cref="Errors"/> and stop when there
/// are any, rather than go on to report the array as missing.
/// </summary>
/// <param name="Data">The arrays read without error.</param>
/// <param name="Errors">The errors, in file order; empty when the file was read cleanly.</param>
public sealed record DataReadResult(DataSet Data, IReadOnlyList<DataError> Errors)
{
    /// <summary>True when any error was found.</summary>
    public bool HasErrors => Errors.Count > 0;

    internal static DataReadResult Failure(DataError error) => new(DataSet.Empty, [error]);
}
