using System.Text.Json;
using ClaimTracker.Analysis;
using ClaimTracker.Grains.Claims;
using ClaimTracker.Grains.History;
using ClaimTracker.Grains.Journal;

namespace ClaimTracker.Grains.Tests;

public sealed class ClaimCheckpointTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>600 statements from 30 origins that change sides, published out of arrival order.</summary>
    private static List<StatementRecord> Journal() =>
    [
        .. Enumerable.Range(0, 600).Select(i => Statements.Make(
            "c-long", $"s-{i}", $"Origin {i % 30}", i % 7 == 0 ? Stance.Contradicts : Stance.Supports, $"Outlet{i % 5}") with
        {
            RecordedAt = Start.AddMinutes(i),
            PublishedAt = Start.AddMinutes(i % 3 == 0 ? i - 100 : i),
        }),
    ];

    [Fact]
    public void A_state_replayed_on_from_a_checkpoint_copy_equals_the_whole_replay_and_the_copy_is_independent()
    {
        var journal = Journal();
        var whole = new ClaimState();
        journal.ForEach(s => whole.Apply(new StatementRecorded(s)));

        var partial = new ClaimState();
        journal.Take(ClaimCheckpoints.Interval).ToList().ForEach(s => partial.Apply(new StatementRecorded(s)));
        var before = Json(partial.Summary());
        var resumed = partial.CheckpointCopy();
        journal.Skip(ClaimCheckpoints.Interval).ToList().ForEach(s => resumed.Apply(new StatementRecorded(s)));

        Assert.Equal(Json(whole.Summary()), Json(resumed.Summary()));
        Assert.Equal(before, Json(partial.Summary()));
        Assert.NotEmpty(whole.Summary().ContradictingOrigins);
        Assert.NotEmpty(whole.Summary().SupportingOrigins);
    }

    [Fact]
    public void The_nearest_checkpoint_before_a_version_or_a_time_is_found_and_short_claims_keep_none()
    {
        var checkpoints = new ClaimCheckpoints();
        var state = new ClaimState();
        var journal = Journal();
        for (var i = 0; i < journal.Count; i++)
        {
            state.Apply(new StatementRecorded(journal[i]));
            checkpoints.Offer("c-long", i + 1, journal[i].RecordedAt, state);
        }

        Assert.Null(checkpoints.Before("c-long", new HistoryPoint(255, null)));
        Assert.Equal(256, checkpoints.Before("c-long", new HistoryPoint(511, null))!.JournalVersion);
        Assert.Equal(512, checkpoints.Before("c-long", new HistoryPoint(600, null))!.JournalVersion);
        Assert.Equal(256, checkpoints.Before("c-long", new HistoryPoint(null, Start.AddMinutes(300)))!.JournalVersion);
        Assert.Equal(512, checkpoints.Before("c-long", new HistoryPoint(null, null))!.JournalVersion);

        var shortState = new ClaimState();
        shortState.Apply(new StatementRecorded(journal[0]));
        checkpoints.Offer("c-short", 1, journal[0].RecordedAt, shortState);
        Assert.Null(checkpoints.Before("c-short", new HistoryPoint(null, null)));
    }

    private static string Json(ClaimSummary summary) => JsonSerializer.Serialize(summary);
}
