using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Grains.Storage;

/// <summary>One serialized event of a grain's journal.</summary>
public sealed record JournalEntry(int Version, byte[] Payload);

/// <summary>A row of the claim feed: a serialized <see cref="ClaimChange"/> at a global position.</summary>
public sealed record FeedRow(long Position, string ClaimId, byte[] Payload);

/// <summary>An event to append, with the key that identifies it in its stream (stored with it; the grains, not the store, skip events already journaled).</summary>
public sealed record JournalAppend(string EventKey, byte[] Payload);

/// <summary>The queryable projection of a claim, written in the same transaction as its journal entries.</summary>
/// <param name="ActorIds">The actors to link to the claim: at least those whose first statement on it is in this write.</param>
public sealed record ClaimRow(string ClaimId, string Text, CorroborationStatus Status, DateTimeOffset UpdatedAt, string[] ActorIds, byte[] Summary);

/// <summary>The queryable projection of an actor, written in the same transaction as its journal entries.</summary>
public sealed record ActorRow(string ActorId, string Name, string[] Aliases, byte[] Snapshot)
{
    /// <summary>The name and aliases normalized, distinct, name first, joined by " | ": what name search matches.</summary>
    public string NormalizedNames()
    {
        var names = new string[Aliases.Length + 1];
        var count = 0;
        for (var i = -1; i < Aliases.Length; i++)
        {
            var normalized = ClaimText.Normalize(i < 0 ? Name : Aliases[i]);
            if (Array.IndexOf(names, normalized, 0, count) < 0)
            {
                names[count++] = normalized;
            }
        }

        return string.Join(" | ", names, 0, count);
    }
}

public sealed record ClaimQuery(CorroborationStatus? Status, string? ActorId, string? Text, int PageSize, long? Before);

public sealed record ActorQuery(string? Text, int PageSize, long? Before);

/// <summary>A page of serialized rows and the position to continue before, if any.</summary>
public sealed record StoredPage(IReadOnlyList<byte[]> Items, long? NextBefore);

/// <summary>An actor seen in a new report: the id it would get, and the keys under which it may already be known.</summary>
public sealed record ActorAliasCandidate(string ProposedId, IReadOnlyList<string> AliasKeys);
