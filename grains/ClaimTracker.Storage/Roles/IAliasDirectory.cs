namespace ClaimTracker.Storage;

/// <summary>Which actor an alias key (a normalized name, a handle) belongs to: first writer wins, forever.</summary>
public interface IAliasDirectory
{
    /// <summary>
    /// Resolves each candidate to an actor id: the first of its keys that is already known decides;
    /// otherwise its proposed id. Every key not yet known is then registered to the resolved id (first
    /// writer wins), so later reports find the same actor.
    /// </summary>
    Task<string[]> ResolveActorIdsAsync(IReadOnlyList<ActorAliasCandidate> candidates);
}

/// <summary>An actor seen in a new report: the id it would get, and the keys under which it may already be known.</summary>
public sealed record ActorAliasCandidate(string ProposedId, IReadOnlyList<string> AliasKeys);
