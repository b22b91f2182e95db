using System.Globalization;

namespace Ppl.StdLib.Data;

/// <summary>
/// Collects a file's errors, keeping the first <see cref="Limit"/>: a million-row CSV full of "NA"
/// deserves one screen of errors, and one line saying how many more there were.
/// </summary>
internal sealed class DataErrorList(string file)
{
    public const int Limit = 20;

    private readonly List<DataError> _errors = [];
    private int _dropped;

    public int Count => _errors.Count + _dropped;

    public void Add(DataError error)
    {
        if (_errors.Count < Limit)
        {
            _errors.Add(error);
        }
        else
        {
            _dropped++;
        }
    }

    public void Add(string message, DataPosition position, string? hint = null) =>
        Add(new DataError(message, position, hint));

    public IReadOnlyList<DataError> ToList()
    {
        if (_dropped == 0)
        {
            return [.. _errors];
        }

        var more = string.Create(CultureInfo.InvariantCulture, $"{_dropped} more errors in this file are not shown");
        return [.. _errors, new DataError(more, new DataPosition(file))];
    }
}
