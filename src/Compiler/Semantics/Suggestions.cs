using Ppl.StdLib.Distributions;

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

    /// <summary>Insertions, deletions, substitutions and adjacent transpositions each cost one; case is ignored.</summary>
    public static int Distance(string a, string b) =>
        DistributionCatalog.EditDistance(a.ToUpperInvariant(), b.ToUpperInvariant());
}
