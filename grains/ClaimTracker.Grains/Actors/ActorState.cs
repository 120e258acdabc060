namespace ClaimTracker.Grains.Actors;

/// <summary>An actor's state, rebuilt from its journal; every event applies in O(1) (aliases aside).</summary>
public sealed class ActorState
{
    private readonly List<AliasSighting> sightings = [];
    private readonly HashSet<(string Alias, string ReportId)> sightingSet = [];
    private readonly HashSet<string> statementIds = new(StringComparer.Ordinal);
    private readonly List<string> claimIds = [];
    private readonly HashSet<string> claimIdSet = new(StringComparer.Ordinal);

    public ActorListing Listing { get; } = new();

    public bool Exists => sightings.Count > 0;

    public bool IsNew(ActorJournalEvent journalEvent) => journalEvent switch
    {
        AliasSeen seen => !sightingSet.Contains((seen.Alias, seen.ReportId)),
        StatementAttributed attributed => !statementIds.Contains(attributed.StatementId),
        _ => false,
    };

    /// <summary>Applies one journal event; an event seen before changes nothing.</summary>
    public void Apply(ActorJournalEvent journalEvent)
    {
        if (!IsNew(journalEvent))
        {
            return;
        }

        Listing.Apply(journalEvent);
        switch (journalEvent)
        {
            case AliasSeen seen:
                sightingSet.Add((seen.Alias, seen.ReportId));
                sightings.Add(new AliasSighting(seen.Alias, seen.ReportId));
                break;
            case StatementAttributed attributed:
                statementIds.Add(attributed.StatementId);
                if (claimIdSet.Add(attributed.ClaimId))
                {
                    claimIds.Add(attributed.ClaimId);
                }

                break;
        }
    }

    public ActorSnapshot Snapshot(string actorId) =>
        new(actorId, Listing.Name, Listing.Kind, [.. Listing.Aliases], Listing.StatementCount, [.. claimIds], [.. sightings]);
}
