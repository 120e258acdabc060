namespace ClaimTracker.Storage;

/// <summary>
/// Which actor an alias key (a normalized name, a handle) belongs to: first writer wins, forever, unless an analyst
/// pinned the key to an actor (a split or merge of actors): the pin wins over the machine.
/// </summary>
public interface IAliasDirectory
{
    /// <summary>
    /// Resolves each candidate to an actor id: the first of its keys that is already known decides;
    /// otherwise its proposed id. Every key not yet known is then registered to the resolved id (first
    /// writer wins), so later reports find the same actor.
    /// </summary>
    Task<string[]> ResolveActorIdsAsync(IReadOnlyList<ActorAliasCandidate> candidates);

    /// <summary>An analyst binds <paramref name="aliasKey"/> to <paramref name="actorId"/>; the latest pin of a key wins.</summary>
    Task PinAliasAsync(string aliasKey, string actorId, string correctionId);
}

/// <summary>An actor seen in a new report: the id it would get, and the keys under which it may already be known.</summary>
public sealed record ActorAliasCandidate(string ProposedId, IReadOnlyList<string> AliasKeys)
{
    /// <summary>
    /// Every alias of the mention, normalised, identifying or not ("kim"): an analyst's pin of one of them decides when
    /// the mention has no identifying key.
    /// </summary>
    public IReadOnlyList<string> PinKeys { get; init; } = [];
}
