using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Grains.Actors;

/// <summary>An actor's state, rebuilt from its journal; every event applies in O(1) (aliases and corrections aside).</summary>
public sealed class ActorState
{
    private readonly List<AliasSighting> sightings = [];

    // Every sighting and statement ever journaled here, moved away or not: a report registered again adds nothing back.
    private readonly HashSet<(string Alias, string ReportId)> sightingSet = [];
    private readonly HashSet<string> statementIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> appliedCorrections = new(StringComparer.Ordinal);

    // The claims of the statements attributed here now, in first-seen order, with how many statements each.
    private readonly List<string> claimIds = [];
    private readonly Dictionary<string, int> statementsByClaim = new(StringComparer.Ordinal);

    public ActorListing Listing { get; } = new();

    public bool Exists { get; private set; }

    /// <summary>The actor an analyst merged this one into, while merged; else empty.</summary>
    public string MergedInto { get; private set; } = string.Empty;

    /// <summary>The journal key of a correction event: one per correction and alias.</summary>
    public static string CorrectionKey(ActorJournalEvent journalEvent) => journalEvent switch
    {
        AliasMovedOut moved => $"moved-out:{moved.Correction.CorrectionId}:{ClaimText.Normalize(moved.Alias)}",
        AliasMovedIn moved => $"moved-in:{moved.Correction.CorrectionId}:{ClaimText.Normalize(moved.Alias)}",
        ActorMergedInto merged => "merged:" + merged.Correction.CorrectionId,
        _ => throw new ArgumentOutOfRangeException(nameof(journalEvent), journalEvent.GetType().Name, "not a correction"),
    };

    public bool IsNew(ActorJournalEvent journalEvent) => journalEvent switch
    {
        AliasSeen seen => !sightingSet.Contains((seen.Alias, seen.ReportId)),
        StatementAttributed attributed => !statementIds.Contains(attributed.StatementId),
        AliasMovedOut or AliasMovedIn or ActorMergedInto => !appliedCorrections.Contains(CorrectionKey(journalEvent)),
        ReportActivityRecorded activity =>
            activity.Aliases.Any(alias => !sightingSet.Contains((alias, activity.ReportId)))
            || activity.Statements.Any(statement => !statementIds.Contains(statement.StatementId)),
        _ => false,
    };

    /// <summary>Applies one journal event; an event seen before changes nothing.</summary>
    public void Apply(ActorJournalEvent journalEvent)
    {
        if (journalEvent is ReportActivityRecorded activity)
        {
            foreach (var part in activity.Parts())
            {
                Apply(part);
            }

            return;
        }

        if (!IsNew(journalEvent))
        {
            return;
        }

        Exists = true;
        Listing.Apply(journalEvent);
        switch (journalEvent)
        {
            case AliasSeen seen:
                sightingSet.Add((seen.Alias, seen.ReportId));
                sightings.Add(new AliasSighting(seen.Alias, seen.ReportId));
                break;
            case StatementAttributed attributed:
                statementIds.Add(attributed.StatementId);
                CountClaim(attributed.ClaimId, 1);
                break;
            case AliasMovedOut moved:
                appliedCorrections.Add(CorrectionKey(moved));
                var key = ClaimText.Normalize(moved.Alias);
                sightings.RemoveAll(s => ClaimText.Normalize(s.Alias) == key);
                foreach (var statement in moved.Statements)
                {
                    CountClaim(statement.ClaimId, -1);
                }

                break;
            case AliasMovedIn moved:
                appliedCorrections.Add(CorrectionKey(moved));
                MergedInto = string.Empty;
                foreach (var reportId in moved.ReportIds.Where(r => !sightings.Contains(new AliasSighting(moved.Alias, r))))
                {
                    sightingSet.Add((moved.Alias, reportId));
                    sightings.Add(new AliasSighting(moved.Alias, reportId));
                }

                foreach (var statement in moved.Statements)
                {
                    statementIds.Add(statement.StatementId);
                    CountClaim(statement.ClaimId, 1);
                }

                break;
            case ActorMergedInto merged:
                appliedCorrections.Add(CorrectionKey(merged));
                MergedInto = merged.TargetActorId;
                break;
        }
    }

    public ActorSnapshot Snapshot(string actorId) =>
        new(actorId, Listing.Name, Listing.Kind, [.. Listing.Aliases], Listing.StatementCount, [.. claimIds], [.. sightings], MergedInto);

    private void CountClaim(string claimId, int delta)
    {
        var count = statementsByClaim.GetValueOrDefault(claimId) + delta;
        if (count <= 0)
        {
            if (statementsByClaim.Remove(claimId))
            {
                claimIds.Remove(claimId);
            }

            return;
        }

        if (statementsByClaim.TryAdd(claimId, count))
        {
            claimIds.Add(claimId);
        }
        else
        {
            statementsByClaim[claimId] = count;
        }
    }
}
