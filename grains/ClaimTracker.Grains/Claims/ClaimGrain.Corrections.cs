using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Claims;

/// <summary>
/// Corrections on one claim. Each is journaled as events (keyed by the correction id, so a retry writes
/// nothing twice), then the state is replayed from the journal: the same path a restart takes. None of
/// these calls another grain while holding the write gate, so they cannot deadlock.
/// </summary>
public sealed partial class ClaimGrain
{
    public Task<ClaimMergeState> GetMergeState() =>
        Task.FromResult(new ClaimMergeState(state.Exists, state.MergedInto, state.Corrections?.MergeId ?? string.Empty));

    public async Task<StatementRecord[]> MergeInto(string targetClaimId, Correction correction)
    {
        await CorrectAsync(
            correction.CorrectionId,
            current => current.Corrections?.HasApplied(correction.CorrectionId) == true
                ? []
                : [new ClaimMergedInto(targetClaimId, correction)],
            ClaimChangeKind.ClaimsMerged,
            correction);
        return await CountedStatementsAsync();
    }

    public Task Absorb(StatementRecord[] statements, Correction merge) =>
        CorrectAsync(
            merge.CorrectionId,
            current => current.Corrections?.SourceOf(merge.CorrectionId) is not null
                ? []
                : statements.Select(s => (ClaimJournalEvent)new StatementAbsorbed(s, merge.CorrectionId)).ToList(),
            ClaimChangeKind.ClaimsMerged,
            merge);

    public async Task<AddStatementResult> AbsorbArrived(StatementRecord statement, string mergeId)
    {
        await CorrectAsync(
            statement.StatementId,
            current => current.Contains(statement.StatementId) ? [] : [new StatementAbsorbed(statement, mergeId)],
            ClaimChangeKind.StatementAdded,
            correction: null,
            statement);
        return new AddStatementResult(statement.StatementId, statement.Stance, ClaimCreated: false, state.Assessment.Status);
    }

    public async Task<StatementRecord[]> ReleaseMerge(Correction unmerge)
    {
        var absorbedIds = state.Corrections?.AbsorbedBy(unmerge.MergeId) ?? [];
        var absorbed = (await ReadStatementsAsync(1, (int)state.Version)).Where(s => absorbedIds.Contains(s.StatementId))
            .DistinctBy(s => s.StatementId)
            .ToArray();
        await CorrectAsync(
            unmerge.CorrectionId,
            current => current.Corrections?.SourceOf(unmerge.MergeId) is null ? [] : [new ClaimMergeUndone(unmerge.MergeId, unmerge, [])],
            ClaimChangeKind.ClaimsUnmerged,
            unmerge);
        return absorbed;
    }

    public Task EndMerge(Correction unmerge, StatementRecord[] absorbed) =>
        CorrectAsync(
            unmerge.CorrectionId,
            current => current.Corrections?.MergeId != unmerge.MergeId
                ? []
                : [new ClaimMergeUndone(unmerge.MergeId, unmerge, absorbed.Where(s => !current.Contains(s.StatementId)).ToArray())],
            ClaimChangeKind.ClaimsUnmerged,
            unmerge,
            returning: absorbed);

    public async Task<StatementRecord?> GetStatement(string statementId)
    {
        if (!state.Contains(statementId))
        {
            return null;
        }

        var statements = await ReadStatementsAsync(1, (int)state.Version);
        return statements.LastOrDefault(s => s.StatementId == statementId);
    }

    public Task<string?> WithdrawnByAnother(string statementId, string correctionId) =>
        Task.FromResult(state.Corrections is { } corrections
            && corrections.IsInactive(statementId)
            && !corrections.HasApplied(correctionId)
                ? corrections.NoteOf(statementId)
                : null);

    public async Task<bool> Withdraw(string statementId, Correction correction, string note)
    {
        if (!state.Contains(statementId))
        {
            return false;
        }

        var statement = await GetStatement(statementId);
        await CorrectAsync(
            correction.CorrectionId + "/" + statementId,
            current => current.Corrections?.IsInactive(statementId) == true
                ? []
                : [new StatementWithdrawn(statementId, correction, note)],
            ClaimChangeKind.StatementWithdrawn,
            correction,
            statement);

        // While merged, the statement also counts on the target: it is withdrawn there too.
        if (state.MergedInto.Length > 0)
        {
            await GrainFactory.GetGrain<IClaimGrain>(state.MergedInto).Withdraw(statementId, correction, note);
        }

        return true;
    }

    public async Task<AddStatementResult> Relink(StatementRecord statement, Correction correction)
    {
        var created = !state.Exists;
        await CorrectAsync(
            correction.CorrectionId,
            current => current.Corrections?.HasApplied(correction.CorrectionId) == true
                ? []
                : [new StatementRelinked(statement, correction)],
            ClaimChangeKind.StatementRelinked,
            correction,
            statement);
        return new AddStatementResult(statement.StatementId, statement.Stance, created, state.Assessment.Status);
    }

    public async Task<string[]> Relate(ClaimRelation relation, bool removed, string[] otherOrigins, Correction correction)
    {
        await CorrectAsync(
            correction.CorrectionId,
            current => current.Corrections?.HasApplied(correction.CorrectionId) == true
                ? []
                : [new ClaimRelationChanged(relation, removed, otherOrigins, correction)],
            ClaimChangeKind.ClaimsRelated,
            correction);
        return state.SupportingOriginIds();
    }

    public Task<string[]> SupportingOriginIds() => Task.FromResult(state.SupportingOriginIds());

    public async Task Reattribute(StatementRecord[] statements, Correction correction)
    {
        var kind = correction.Kind == CorrectionKind.MergeActors ? ClaimChangeKind.ActorsMerged : ClaimChangeKind.ActorSplit;
        var here = statements.Where(s => state.Contains(s.StatementId)).ToArray();
        if (here.Length == 0)
        {
            return;
        }

        await CorrectAsync(
            correction.CorrectionId,
            current => current.Corrections?.HasApplied(correction.CorrectionId) == true
                ? []
                : here.Select(s => (ClaimJournalEvent)new StatementReattributed(s, correction)).ToList(),
            kind,
            correction,
            here.Length == 1 ? here[0] : null);

        // While merged, the statements also count on the target: they move there too.
        if (state.MergedInto.Length > 0)
        {
            await GrainFactory.GetGrain<IClaimGrain>(state.MergedInto).Reattribute(here, correction);
        }
    }

    /// <summary>The statements that count here now (a merge moves these).</summary>
    private async Task<StatementRecord[]> CountedStatementsAsync()
    {
        var all = await ReadStatementsAsync(1, (int)state.Version);
        var latest = new Dictionary<string, StatementRecord>(StringComparer.Ordinal);
        foreach (var statement in all)
        {
            latest[statement.StatementId] = statement;
        }

        return latest.Values.Where(s => state.Corrections?.IsInactive(s.StatementId) != true).ToArray();
    }

    private async Task<IReadOnlyList<AddStatementResult>> ForwardToMergeTargetAsync(List<StatementRecord> batch)
    {
        var target = GrainFactory.GetGrain<IClaimGrain>(state.MergedInto);
        var mergeId = state.Corrections!.MergeId;
        var results = new List<AddStatementResult>(batch.Count);
        foreach (var statement in batch)
        {
            results.Add(await target.AbsorbArrived(statement, mergeId));
        }

        return results;
    }

    /// <summary>
    /// Journals what <paramref name="plan"/> says the current state still lacks (nothing: done), with one feed
    /// entry of <paramref name="kind"/> and, if the status moved, a STATUS_CHANGED entry; then replays.
    /// <paramref name="returning"/>: statements an unmerge gives back to this claim, whose list rows move here.
    /// </summary>
    private async Task CorrectAsync(
        string eventKey,
        Func<ClaimState, IReadOnlyList<ClaimJournalEvent>> plan,
        ClaimChangeKind kind,
        Correction? correction,
        StatementRecord? statement = null,
        IReadOnlyList<StatementRecord>? returning = null)
    {
        var claimId = this.GetPrimaryKeyString();
        await writeGate.RunAsync(async () =>
        {
            await JournalRetry.RunAsync(
                "claim " + claimId,
                async () =>
                {
                    var events = plan(state);
                    if (events.Count == 0)
                    {
                        return true;
                    }

                    var entries = await journal.ReadClaimAsync(claimId);
                    if (entries.Count != journalVersion)
                    {
                        return false;
                    }

                    var all = entries.Select(e => serializer.Deserialize<ClaimJournalEvent>(e.Payload)).Concat(events).ToList();
                    var after = ClaimState.Replay(all, StanceFloor);
                    var summary = after.Summary();
                    var occurredAt = correction?.RecordedAt ?? statement?.RecordedAt ?? summary.UpdatedAt;
                    var changes = new List<ClaimChange>
                    {
                        new()
                        {
                            Kind = kind, Claim = summary, Statement = statement, OccurredAt = occurredAt, Correction = correction,
                            PreviousStatus = state.Exists ? state.Summary().Status : Analysis.CorroborationStatus.Unspecified,
                        },
                    };
                    if (state.Exists && state.Summary().Status != summary.Status)
                    {
                        changes.Add(new ClaimChange
                        {
                            Kind = ClaimChangeKind.StatusChanged, Claim = summary, PreviousStatus = state.Summary().Status,
                            OccurredAt = occurredAt, Correction = correction,
                        });
                    }

                    var searchText = summary.Verbatim.Length > 0 ? summary.Text + "\n" + summary.Verbatim : summary.Text;
                    // The list keys as after any append, and the list rows of the statements that now count here or no longer do.
                    var mergedAway = after.MergedInto.Length > 0;
                    var projection = new ClaimRow(
                        claimId, searchText, summary.Status, summary.UpdatedAt, summary.ActorIds, serializer.Serialize(summary))
                    {
                        Keys = ClaimListing.Keys(summary),
                        Statements = ClaimListing.MovedRows(events, returning ?? [], mergedAway)
                            .Select(s => ClaimListing.Row(s, serializer, after.Corrections))
                            .ToList(),
                        Withdrawals = mergedAway ? [] : ClaimListing.Withdrawals(events, statement, after.Corrections),
                    };
                    var appends = events.Select((e, i) => new JournalAppend($"{eventKey}#{i}", serializer.Serialize(e))).ToList();
                    var feedEntries = changes.ConvertAll(serializer.Serialize);
                    if (!await journal.AppendClaimAsync(claimId, journalVersion, appends, feedEntries, projection))
                    {
                        return false;
                    }

                    state = after;
                    journalVersion = all.Count;
                    feed.NotifyAppended();
                    return true;
                },
                () => ReadStateAsync(CancellationToken.None),
                (ex, attempt) => LogWriteRetry(ex, claimId, attempt));
            return true;
        });
    }
}
