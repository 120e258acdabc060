using ClaimTracker.Analysis;
using ClaimTracker.Grains.Claims;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Grains.Linking;
using ClaimTracker.Storage;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.History;

/// <summary>
/// A claim's past, replayed from its journal: the claim as it stood at any version or time, its versions
/// with what each changed, and its timeline in publication order. Replaying applies the same rules as the
/// live claim (publication-time positions), so a version read here is the version the claim had then.
/// </summary>
public sealed class ClaimHistory(
    IGrainFactory grains, IClaimJournal journal, PayloadSerializer serializer, IOptions<MatchingOptions> matching)
{
    private readonly ClaimJournalReplay replay = new(journal, serializer);
    private readonly ClaimCheckpoints checkpoints = new();

    /// <summary>
    /// The claim as it stood at <paramref name="at"/>, with a page of the statements it had then; null if it never existed.
    /// </summary>
    public async Task<ClaimAt?> GetClaimAtAsync(
        string claimId, HistoryPoint at, int statementPageSize, string statementPageToken, CancellationToken cancellationToken)
    {
        var latest = await LatestVersionAsync(claimId);
        if (latest == 0)
        {
            return null;
        }

        // From the nearest checkpoint before the point: at most one interval of statements is replayed.
        var checkpoint = checkpoints.Before(claimId, at);
        var state = checkpoint?.State.CheckpointCopy() ?? NewState();
        await foreach (var (version, statement) in replay.ReadAsync(claimId, (checkpoint?.JournalVersion ?? 0) + 1, latest,
            cancellationToken))
        {
            if (at.IsPast(version, statement.RecordedAt))
            {
                break;
            }

            state.Apply(new StatementRecorded(statement));
            checkpoints.Offer(claimId, version, statement.RecordedAt, state);
        }

        if (!state.Exists)
        {
            return new ClaimAt(null, latest);
        }

        var end = state.Version;
        if (StatementPageToken.TryParse(statementPageToken, out var before) && before is { } beforeVersion)
        {
            end = Math.Clamp(beforeVersion, 0, end);
        }

        var start = Math.Max(0, end - statementPageSize);
        var page = new List<StatementRecord>();
        await foreach (var (_, statement) in replay.ReadAsync(claimId, start + 1, end, cancellationToken))
        {
            page.Add(statement);
        }

        page.Reverse();
        var next = start > 0 ? StatementPageToken.Format((int)start) : string.Empty;
        return new ClaimAt(new ClaimDetails(state.Summary(), [.. page], next), latest);
    }

    /// <summary>
    /// The versions after <paramref name="afterVersion"/>, oldest first, at most <paramref name="pageSize"/> (only those
    /// where the status turned, with <paramref name="statusChangesOnly"/>); null if the claim does not exist.
    /// </summary>
    public async Task<ClaimHistoryPage?> GetHistoryAsync(
        string claimId, long afterVersion, int pageSize, bool statusChangesOnly, CancellationToken cancellationToken)
    {
        var latest = await LatestVersionAsync(claimId);
        if (latest == 0)
        {
            return null;
        }

        var state = NewState();
        var originNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var versions = new List<ClaimVersionRecord>(Math.Min(pageSize, 64));
        ClaimSummary? previous = null;
        long? next = null;
        await foreach (var (version, statement) in replay.ReadAsync(claimId, 1, latest, cancellationToken))
        {
            state.Apply(new StatementRecorded(statement));
            originNames[statement.OriginActorId] = statement.OriginName;
            if (version < afterVersion)
            {
                continue;
            }

            var summary = state.Summary();
            if (version > afterVersion)
            {
                var record = new ClaimVersionRecord(
                    statement,
                    summary,
                    previous?.Status ?? CorroborationStatus.Unspecified,
                    previous?.Credibility ?? 0,
                    ClaimChanges.Describe(previous, summary, statement, originNames));
                if (!statusChangesOnly || record.Created || record.StatusChanged)
                {
                    versions.Add(record);
                }

                if (versions.Count == pageSize)
                {
                    next = version < latest ? version : null;
                    break;
                }
            }

            previous = summary;
        }

        return new ClaimHistoryPage(versions, next, latest);
    }

    /// <summary>
    /// The claim's statements in publication order (arrival breaks ties) with the status as they came out, a page of
    /// them from <paramref name="offset"/>; null if the claim does not exist.
    /// </summary>
    public async Task<ClaimTimelineRecord?> GetTimelineAsync(string claimId, int offset, int pageSize, CancellationToken cancellationToken)
    {
        var latest = await LatestVersionAsync(claimId);
        if (latest == 0)
        {
            return null;
        }

        var recorded = new List<(long Version, StatementRecord Statement)>((int)Math.Min(latest, 10_000));
        await foreach (var item in replay.ReadAsync(claimId, 1, latest, cancellationToken))
        {
            recorded.Add(item);
        }

        return ClaimTimelineBuilder.Build(claimId, recorded, NewState(), offset, pageSize);
    }

    private ClaimState NewState() => new(matching.Value.StanceConfidenceFloor);

    /// <summary>The claim's current version (0 when it does not exist), from its grain, which reads no statement for it.</summary>
    private async Task<long> LatestVersionAsync(string claimId)
    {
        var details = await grains.GetGrain<IClaimGrain>(claimId).GetDetails(0, string.Empty);
        return details?.Summary.Version ?? 0;
    }
}
