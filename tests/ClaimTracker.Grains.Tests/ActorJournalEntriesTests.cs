using ClaimTracker.Analysis;
using ClaimTracker.Grains.Actors;

namespace ClaimTracker.Grains.Tests;

public sealed class ActorJournalEntriesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_report_recording_becomes_one_entry_and_corrections_stay_apart_in_order()
    {
        var correction = new ActorMergedInto(
            "a-other", new Correction { CorrectionId = "k-1", Analyst = "analyst", Reason = "same person", RecordedAt = At });
        var entries = ActorJournalEntries.Of(
        [
            new AliasSeen("The minister", "r-1", ActorKind.Person, At),
            new StatementAttributed("s-1", "c-1", "r-1", At),
            new AliasSeen("Jane Roe", "r-1", ActorKind.Person, At),
            new StatementAttributed("s-2", "c-2", "r-1", At),
            correction,
            new StatementAttributed("s-3", "c-1", "r-2", At),
        ]);

        Assert.Equal(3, entries.Count);
        var first = Assert.IsType<ReportActivityRecorded>(entries[0]);
        Assert.Equal(("r-1", ActorKind.Person, At), (first.ReportId, first.KindHint, first.RecordedAt));
        Assert.Equal(["The minister", "Jane Roe"], first.Aliases);
        Assert.Equal([new ActorStatementRef("s-1", "c-1"), new ActorStatementRef("s-2", "c-2")], first.Statements);
        Assert.Same(correction, entries[1]);
        var last = Assert.IsType<ReportActivityRecorded>(entries[2]);
        Assert.Equal("r-2", last.ReportId);
        Assert.Empty(last.Aliases);
        Assert.Equal([new ActorStatementRef("s-3", "c-1")], last.Statements);
    }

    [Fact]
    public void Two_recordings_of_one_report_with_other_kind_hints_or_times_stay_two_entries()
    {
        var entries = ActorJournalEntries.Of(
        [
            new AliasSeen("Gazette", "r-1", ActorKind.Outlet, At),
            new AliasSeen("The Gazette", "r-1", ActorKind.Organization, At),
            new StatementAttributed("s-1", "c-1", "r-1", At),
            new StatementAttributed("s-2", "c-1", "r-1", At.AddSeconds(1)),
        ]);

        var recordings = entries.Cast<ReportActivityRecorded>().ToList();
        Assert.Equal(3, recordings.Count);
        Assert.Equal((ActorKind.Outlet, "Gazette", 0), Shape(recordings[0]));
        Assert.Equal((ActorKind.Organization, "The Gazette", 1), Shape(recordings[1]));
        Assert.Equal((At.AddSeconds(1), 0, 1), (recordings[2].RecordedAt, recordings[2].Aliases.Length, recordings[2].Statements.Length));
    }

    [Fact]
    public void Replaying_the_entries_gives_the_state_the_events_give()
    {
        List<ActorJournalEvent> events =
        [
            new AliasSeen("Kremlin", "r-1", ActorKind.Organization, At),
            new StatementAttributed("s-1", "c-1", "r-1", At),
            new AliasSeen("Moscow", "r-2", ActorKind.Organization, At),
            new StatementAttributed("s-2", "c-2", "r-2", At),
            new StatementAttributed("s-3", "c-1", "r-2", At),
        ];
        var fromEvents = new ActorState();
        events.ForEach(fromEvents.Apply);
        var fromEntries = new ActorState();
        ActorJournalEntries.Of(events).ForEach(fromEntries.Apply);

        Assert.Equal(fromEvents.Snapshot("a-kremlin"), fromEntries.Snapshot("a-kremlin"), new SnapshotComparer());
        Assert.Equal(3, fromEntries.Listing.StatementCount);
    }

    private static (ActorKind Kind, string Alias, int Statements) Shape(ReportActivityRecorded entry) =>
        (entry.KindHint, entry.Aliases.Single(), entry.Statements.Length);

    private sealed class SnapshotComparer : IEqualityComparer<ActorSnapshot>
    {
        public bool Equals(ActorSnapshot? x, ActorSnapshot? y) =>
            x is not null && y is not null
            && (x.ActorId, x.Name, x.Kind, x.StatementCount, x.MergedInto) == (y.ActorId, y.Name, y.Kind, y.StatementCount, y.MergedInto)
            && x.Aliases.SequenceEqual(y.Aliases) && x.ClaimIds.SequenceEqual(y.ClaimIds) && x.Sightings.SequenceEqual(y.Sightings);

        public int GetHashCode(ActorSnapshot obj) => obj.ActorId.GetHashCode(StringComparison.Ordinal);
    }
}
