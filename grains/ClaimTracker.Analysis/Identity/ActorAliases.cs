namespace ClaimTracker.Analysis.Identity;

/// <summary>
/// Which of an actor's surface forms are specific enough to identify it across reports. "Kim" alone
/// names Kim Jong Un in one article and Kim Jong-dae in another, so a person's one-word aliases stay
/// local to their report; full names, titled names, acronyms and organisation names travel.
/// </summary>
public static class ActorAliases
{
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "he", "she", "they", "it", "him", "her", "them", "officials", "official", "sources", "source", "government",
        "ministry", "police", "army", "military", "spokesman", "spokeswoman", "spokesperson", "analyst", "analysts",
        "experts", "residents", "witnesses", "state media", "media", "the government", "reports",
    };

    /// <summary>Normalised keys under which this actor may be found again by later reports.</summary>
    public static IReadOnlyList<string> IdentifyingKeys(string name, ActorKind kind, IEnumerable<string> aliases)
    {
        var keys = new List<string>();
        foreach (var alias in aliases.Prepend(name))
        {
            var key = ClaimText.Normalize(alias);
            if (key.Length < 2 || Generic.Contains(key) || keys.Contains(key))
            {
                continue;
            }

            var singleWord = !key.Contains(' ', StringComparison.Ordinal);
            if (singleWord && (kind == ActorKind.Person || !char.IsUpper(alias.Trim()[0])))
            {
                continue;
            }

            keys.Add(key);
        }

        return keys;
    }
}
