using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Grains.Actors;

/// <summary>
/// The small part of an actor that lists show (name, kind, aliases, statement count). Cheap to copy,
/// so the projection written with each append can be computed without touching the actor's history.
/// </summary>
public sealed class ActorListing
{
    private readonly List<string> aliases = [];

    public string Name { get; private set; } = string.Empty;

    public ActorKind Kind { get; private set; }

    public long StatementCount { get; private set; }

    public IReadOnlyList<string> Aliases => aliases;

    public ActorListing Clone()
    {
        var copy = new ActorListing { Name = Name, Kind = Kind, StatementCount = StatementCount };
        copy.aliases.AddRange(aliases);
        return copy;
    }

    /// <summary>Applies an event already known to be new for this actor.</summary>
    public void Apply(ActorJournalEvent journalEvent)
    {
        switch (journalEvent)
        {
            case AliasSeen seen:
                if (Name.Length == 0)
                {
                    Name = seen.Alias;
                }

                // A specific kind from any report beats an unknown one.
                if (Kind == ActorKind.Unspecified)
                {
                    Kind = seen.KindHint;
                }

                if (!aliases.Contains(seen.Alias, StringComparer.OrdinalIgnoreCase))
                {
                    aliases.Add(seen.Alias);
                }

                break;
            case StatementAttributed:
                StatementCount++;
                break;
            case AliasMovedOut moved:
                var key = ClaimText.Normalize(moved.Alias);
                aliases.RemoveAll(a => ClaimText.Normalize(a) == key);
                StatementCount -= moved.Statements.Length;
                if (ClaimText.Normalize(Name) == key && aliases.Count > 0)
                {
                    Name = aliases[0];
                }

                break;
            case AliasMovedIn moved:
                Apply(new AliasSeen(moved.Alias, string.Empty, moved.KindHint));
                StatementCount += moved.Statements.Length;
                break;
            case ReportActivityRecorded activity:
                foreach (var part in activity.Parts())
                {
                    Apply(part);
                }

                break;
        }
    }
}
