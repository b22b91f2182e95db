namespace Ppl.Compiler.Semantics;

/// <summary>"Did you mean" candidates by optimal-string-alignment distance (Damerau 1964).</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a third of the name's length (at least 1, at most 3 edits), or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var limit = Math.Clamp(name.Length / 3, 1, 3);
        return candidates
            .Where(c => c != name)
            .Select(c => (Name: c, Distance: string.Equals(c, name, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(c, name)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary><c>; did you mean 'x'?</c> or the empty string.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } best ? $"; did you mean '{best}'?" : "";

    /// <summary>Insertions, deletions, substitutions and adjacent transpositions each cost one.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
