using System.Globalization;
using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Grains.Reports;

/// <summary>The outlet's corrections and retractions of a registered report.</summary>
public sealed partial class ReportGrain
{
    public async Task<CorrectionOutcome> Retract(Correction correction)
    {
        if (await RefusalAsync() is { } refusal)
        {
            return refusal;
        }

        var current = state!;
        if (!current.AppliedCorrections.Contains(correction.CorrectionId) && current.Report.Retracted)
        {
            return CorrectionOutcome.Refused($"report '{current.Report.ReportId}' is already retracted");
        }

        var note = $"{current.Report.Source} retracted its report of {PublishedOn(current.Report)} (reason: {correction.Reason})";
        await WithdrawAsync(current.Statements, correction, note);
        current.Report = current.Report with { Retracted = true, RetractionReason = correction.Reason };
        await SaveAppliedAsync(current, correction);
        return CorrectionOutcome.Done(correction with { StatementIds = current.Report.StatementIds });
    }

    public async Task<CorrectionOutcome> Correct(ReportSubmission revision, Correction correction)
    {
        if (await RefusalAsync() is { } refusal)
        {
            return refusal;
        }

        var current = state!;
        if (current.AppliedCorrections.Contains(correction.CorrectionId))
        {
            return CorrectionOutcome.Done(correction with { StatementIds = current.Report.StatementIds });
        }

        if (current.Report.Retracted)
        {
            return CorrectionOutcome.Refused($"report '{current.Report.ReportId}' is retracted; a retracted report cannot be corrected");
        }

        // The revision's statements get ids of their own ("<report>#r2"); a statement the revision still makes keeps its id,
        // its claim and any analyst's relink.
        revision = revision with
        {
            ReportId = current.Report.ReportId, Source = current.Report.Source, PublishedAt = current.Report.PublishedAt,
        };
        var number = current.Report.Revision + 1;
        var revisionKey = current.Report.ReportId + "#r" + number.ToString(CultureInfo.InvariantCulture);
        var draft = Draft(revision with { ReportId = revisionKey });
        var actorIds = await aliases.ResolveActorIdsAsync(ReportPlanner.AliasCandidates(draft));
        var links = await linker.LinkAsync(ReportPlanner.LinkRequests(draft));
        var planned = ReportPlanner.Plan(revision with { ReportId = revisionKey }, draft, actorIds, links, clock.GetUtcNow());

        var oldByKey = current.Statements.GroupBy(SameStatementKey).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newKeys = planned.Statements.Select(SameStatementKey).ToHashSet(StringComparer.Ordinal);
        var removed = current.Statements.Where(s => !newKeys.Contains(SameStatementKey(s))).ToArray();
        var kept = new List<StatementRecord>();
        var added = new List<StatementRecord>();
        foreach (var statement in planned.Statements)
        {
            if (oldByKey.TryGetValue(SameStatementKey(statement), out var earlier))
            {
                kept.Add(earlier);
            }
            else
            {
                added.Add(statement with { ReportId = current.Report.ReportId });
            }
        }

        var note = $"{current.Report.Source} corrected its report of {PublishedOn(current.Report)} "
            + $"(revision {number.ToString(CultureInfo.InvariantCulture)}: {correction.Reason})";
        await WithdrawAsync(removed, correction, note);
        // Actors first: a claim's change names only actors GetActor finds (corrections are rare; registration overlaps
        // the records of actors already recorded with the claims' changes).
        var addedIds = added.Select(s => s.StatementId).ToHashSet(StringComparer.Ordinal);
        await Task.WhenAll(planned.Actors
            .Select(plan => plan with { Activity = plan.Activity with
            {
                ReportId = current.Report.ReportId,
                Statements = plan.Activity.Statements.Where(s => addedIds.Contains(s.StatementId)).ToArray(),
            } })
            .Where(plan => plan.Activity.Statements.Length > 0)
            .Select(RecordAsync));

        foreach (var statement in added)
        {
            await GrainFactory.Reference<IClaimGrain>(statement.ClaimId).AddStatement(statement);
        }

        var previous = current.Report with { PreviousRevisions = [] };
        var statements = kept.Concat(added).ToArray();
        current.EarlierFingerprints = [.. current.EarlierFingerprints, current.Fingerprint];
        current.Fingerprint = ReportPlanner.Fingerprint(revision);
        current.Statements = statements;
        current.Report = current.Report with
        {
            Title = revision.Title,
            Url = revision.Url,
            Text = revision.Text,
            StatementIds = statements.Select(s => s.StatementId).ToArray(),
            Revision = number,
            PreviousRevisions = [.. current.Report.PreviousRevisions, previous],
        };
        var changed = removed.Select(s => s.StatementId).Concat(added.Select(s => s.StatementId)).ToArray();
        var claims = removed.Select(current.ClaimOf).Concat(added.Select(s => s.ClaimId)).Distinct(StringComparer.Ordinal).ToArray();
        await SaveAppliedAsync(current, correction);
        return CorrectionOutcome.Done(correction with { StatementIds = changed, ClaimIds = claims });
    }

    public async Task StatementMoved(string statementId, string claimId)
    {
        if (state is null || state.MovedStatements.GetValueOrDefault(statementId) == claimId)
        {
            return;
        }

        state.MovedStatements[statementId] = claimId;
        await reports.WriteReportAsync(state.Report.ReportId, serializer.Serialize(state));
    }

    public Task<StatementRecord[]> StatementsOf(string actorId, string? aliasKey) =>
        Task.FromResult(state?.Statements
            .Where(s => s.ActorId == actorId && (aliasKey is null || Corrections.ActorMove.SpeakerKey(s, state.Report.Text) == aliasKey))
            .Select(s => s with { ClaimId = state.ClaimOf(s) })
            .ToArray() ?? []);

    public async Task StatementsReattributed(string[] statementIds, string fromActorId, string toActorId, string toName)
    {
        var moving = statementIds.ToHashSet(StringComparer.Ordinal);
        if (state is null || !state.Statements.Any(s => moving.Contains(s.StatementId) && s.ActorId == fromActorId))
        {
            return;
        }

        state.Statements = state.Statements
            .Select(s => moving.Contains(s.StatementId) ? Corrections.ActorMove.Apply(s, fromActorId, toActorId, toName) : s)
            .ToArray();
        state.Outcomes = state.Outcomes
            .Select(o => moving.Contains(o.StatementId) && o.ActorId == fromActorId ? o with { ActorId = toActorId } : o)
            .ToArray();
        await reports.WriteReportAsync(state.Report.ReportId, serializer.Serialize(state));
    }

    public Task<string[]> CurrentClaims() =>
        Task.FromResult(state?.Statements.Select(state.ClaimOf).Distinct(StringComparer.Ordinal).ToArray() ?? []);

    /// <summary>
    /// Null when the report can be corrected. A report read back from storage is linked again first (what registering it
    /// again would do): its statements must all be on their claims before a correction withdraws or adds any.
    /// </summary>
    private async Task<CorrectionOutcome?> RefusalAsync()
    {
        if (state is null)
        {
            return CorrectionOutcome.NotFound($"report '{this.GetPrimaryKeyString()}' does not exist");
        }

        if (!state.Completed)
        {
            await CompleteAsync(state);
        }

        return null;
    }

    private async Task WithdrawAsync(IEnumerable<StatementRecord> statements, Correction correction, string note)
    {
        foreach (var statement in statements)
        {
            await GrainFactory.Reference<IClaimGrain>(state!.ClaimOf(statement)).Withdraw(statement.StatementId, correction, note);
        }
    }

    private async Task SaveAppliedAsync(ReportState current, Correction correction)
    {
        if (!current.AppliedCorrections.Contains(correction.CorrectionId))
        {
            current.AppliedCorrections = [.. current.AppliedCorrections, correction.CorrectionId];
        }

        await reports.WriteReportAsync(current.Report.ReportId, serializer.Serialize(current));
    }

    /// <summary>Two revisions make the same statement when the same speaker says the same words.</summary>
    private static string SameStatementKey(StatementRecord statement) =>
        ClaimText.Normalize(statement.Speaker) + "\n" + ClaimText.Normalize(statement.Content);

    private static string PublishedOn(ReportRecord report) =>
        (report.PublishedAt ?? report.RegisteredAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
