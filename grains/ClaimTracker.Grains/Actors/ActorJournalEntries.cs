using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.Actors;

/// <summary>Folds an actor's new events into the entries its journal keeps: one per report recording, corrections apart.</summary>
internal static class ActorJournalEntries
{
    /// <summary>
    /// The journal entries of <paramref name="fresh"/>, in order: the aliases and statements of one report (one recording
    /// of it: same kind hint and time) that follow each other become one <see cref="ReportActivityRecorded"/>;
    /// corrections stay entries of their own.
    /// </summary>
    public static List<ActorJournalEvent> Of(IReadOnlyList<ActorJournalEvent> fresh)
    {
        var entries = new List<ActorJournalEvent>(fresh.Count);
        ReportGroup? open = null;
        foreach (var journalEvent in fresh)
        {
            var (reportId, recordedAt) = journalEvent switch
            {
                AliasSeen seen => (seen.ReportId, seen.RecordedAt),
                StatementAttributed attributed => (attributed.ReportId, attributed.RecordedAt),
                _ => (null, null),
            };
            if (open is not null && !open.Takes(journalEvent, reportId, recordedAt))
            {
                entries.Add(open.Entry());
                open = null;
            }

            if (reportId is null)
            {
                entries.Add(journalEvent);
                continue;
            }

            (open ??= new ReportGroup(reportId, recordedAt)).Add(journalEvent);
        }

        if (open is not null)
        {
            entries.Add(open.Entry());
        }

        return entries;
    }

    /// <summary>The aliases and statements of one recording of a report (same time; aliases of one kind hint), becoming one entry.</summary>
    private sealed class ReportGroup(string reportId, DateTimeOffset? recordedAt)
    {
        private readonly List<string> aliases = [];
        private readonly List<ActorStatementRef> statements = [];
        private ActorKind kindHint;

        // Aliases keep their report's kind hint: two recordings of one report (as outlet and as speaker) stay apart.
        public bool Takes(ActorJournalEvent journalEvent, string? otherReportId, DateTimeOffset? otherRecordedAt) =>
            otherReportId == reportId
            && otherRecordedAt == recordedAt
            && (journalEvent is not AliasSeen seen || aliases.Count == 0 || seen.KindHint == kindHint);

        public void Add(ActorJournalEvent journalEvent)
        {
            switch (journalEvent)
            {
                case AliasSeen seen:
                    kindHint = seen.KindHint;
                    aliases.Add(seen.Alias);
                    break;
                case StatementAttributed attributed:
                    statements.Add(new ActorStatementRef(attributed.StatementId, attributed.ClaimId));
                    break;
            }
        }

        public ReportActivityRecorded Entry() => new(reportId, [.. aliases], kindHint, [.. statements], recordedAt);
    }
}
