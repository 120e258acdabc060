using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Corrections;

/// <summary>
/// Carries out corrections and keeps their audit trail. A correction id already in the trail returns the recorded
/// correction (a retry); otherwise the grains do the work (each step idempotent under the correction id, so a retry
/// after a crash finishes it) and the correction is recorded last, once it took effect.
/// </summary>
public sealed partial class CorrectionDesk(
    IGrainFactory grains,
    ICorrectionLog log,
    IAliasDirectory aliasDirectory,
    Linking.ClaimLinker linker,
    PayloadSerializer serializer,
    TimeProvider clock)
{
    /// <summary>A correction to carry out, stamped now.</summary>
    public Correction Start(CorrectionKind kind, string correctionId, string analyst, string reason) => new()
    {
        CorrectionId = correctionId,
        Kind = kind,
        Analyst = analyst,
        Reason = reason,
        RecordedAt = clock.GetUtcNow(),
    };

    /// <summary>The recorded correction with this id, if any.</summary>
    public async Task<Correction?> FindAsync(string correctionId, CancellationToken cancellationToken = default) =>
        await log.ReadCorrectionAsync(correctionId, cancellationToken) is { } payload ? serializer.Deserialize<Correction>(payload) : null;

    public async Task<CorrectionOutcome> MergeClaimsAsync(Correction merge, string sourceClaimId, string targetClaimId)
    {
        if (sourceClaimId == targetClaimId)
        {
            return CorrectionOutcome.Refused("source_claim_id and target_claim_id are the same claim");
        }

        merge = merge with { ClaimIds = [sourceClaimId, targetClaimId], Summary = $"merged claim {sourceClaimId} into {targetClaimId}" };
        var pair = grains.GetGrain<IClaimPairGrain>(ClaimPairGrain.KeyOf(sourceClaimId, targetClaimId));
        return await RecordAsync(await pair.Merge(sourceClaimId, targetClaimId, merge));
    }

    public async Task<CorrectionOutcome> UnmergeClaimsAsync(Correction unmerge, string mergeId)
    {
        var merge = await FindAsync(mergeId);
        if (merge is not { Kind: CorrectionKind.MergeClaims })
        {
            return CorrectionOutcome.NotFound($"merge '{mergeId}' is not a recorded merge; ListCorrections shows the merges");
        }

        var (source, target) = (merge.ClaimIds[0], merge.ClaimIds[1]);
        unmerge = unmerge with { ClaimIds = [source, target], MergeId = mergeId, Summary = $"unmerged claim {source} from {target}" };
        var pair = grains.GetGrain<IClaimPairGrain>(ClaimPairGrain.KeyOf(source, target));
        return await RecordAsync(await pair.Unmerge(source, target, unmerge));
    }

    /// <param name="toClaimId">Empty: found a new claim on the statement.</param>
    public async Task<CorrectionOutcome> RelinkStatementAsync(
        Correction relink, string statementId, string fromClaimId, string toClaimId, Stance? stance)
    {
        var from = grains.GetGrain<IClaimGrain>(fromClaimId);
        var statement = await from.GetStatement(statementId);
        if (statement is null)
        {
            return CorrectionOutcome.NotFound($"statement '{statementId}' is not on claim '{fromClaimId}'");
        }

        if (await from.WithdrawnByAnother(statementId, relink.CorrectionId) is { } why)
        {
            return CorrectionOutcome.Refused(
                $"statement '{statementId}' no longer counts on claim '{fromClaimId}' ({why}); relink it from the claim it counts on");
        }

        var founds = toClaimId.Length == 0;
        if (founds)
        {
            toClaimId = "c-" + StableIds.Hash("relink:" + relink.CorrectionId, 16);
        }
        else if (toClaimId == fromClaimId)
        {
            return CorrectionOutcome.Refused("to_claim_id is the claim the statement is on; name another claim, or none for a new one");
        }
        else if (!await grains.GetGrain<IClaimGrain>(toClaimId).Exists())
        {
            return CorrectionOutcome.NotFound($"claim '{toClaimId}' does not exist; leave to_claim_id empty to found a new claim");
        }

        relink = relink with
        {
            ClaimIds = [fromClaimId, toClaimId],
            StatementIds = [statementId],
            ReportId = statement.ReportId,
            Summary = $"relinked statement {statementId} from claim {fromClaimId} to {toClaimId}",
        };
        var moved = statement with
        {
            ClaimId = toClaimId,
            Stance = stance ?? statement.Stance,
            StanceConfidence = stance is null ? statement.StanceConfidence : 0,
            StanceReason = stance is null ? statement.StanceReason : $"set by {relink.Analyst}: {relink.Reason}",
        };
        await from.Withdraw(statementId, relink, $"relinked to claim {toClaimId} by {relink.Analyst} (reason: {relink.Reason})");
        await grains.GetGrain<IClaimGrain>(toClaimId).Relink(moved, relink);
        if (founds)
        {
            // The analyst's claim joins the matching index: later similar statements can join it.
            var verbatim = moved.ClaimText == moved.Content ? string.Empty : moved.Content;
            await linker.IndexFoundedClaimAsync(toClaimId, moved.ClaimText, verbatim);
        }

        await grains.GetGrain<IReportGrain>(statement.ReportId).StatementMoved(statementId, toClaimId);
        return await RecordAsync(CorrectionOutcome.Done(relink));
    }

    /// <param name="removed">True to end the relation (UnrelateClaims).</param>
    public async Task<CorrectionOutcome> RelateClaimsAsync(
        Correction relate, string subjectClaimId, ClaimRelationKind kind, string objectClaimId, bool removed)
    {
        if (subjectClaimId == objectClaimId)
        {
            return CorrectionOutcome.Refused("subject_claim_id and object_claim_id are the same claim");
        }

        var subject = grains.GetGrain<IClaimGrain>(subjectClaimId);
        var target = grains.GetGrain<IClaimGrain>(objectClaimId);
        foreach (var (id, claim) in new[] { (subjectClaimId, subject), (objectClaimId, target) })
        {
            if (!await claim.Exists())
            {
                return CorrectionOutcome.NotFound($"claim '{id}' does not exist");
            }
        }

        var verb = removed ? "ended" : "recorded";
        relate = relate with
        {
            ClaimIds = [subjectClaimId, objectClaimId],
            Relation = kind,
            Summary = $"{verb} claim {subjectClaimId} {kind} claim {objectClaimId}",
        };
        var subjectOrigins = await subject.SupportingOriginIds();
        var objectOrigins = await target.SupportingOriginIds();
        await subject.Relate(new ClaimRelation(kind, objectClaimId, true, relate.CorrectionId), removed, objectOrigins, relate);
        await target.Relate(new ClaimRelation(kind, subjectClaimId, false, relate.CorrectionId), removed, subjectOrigins, relate);
        return await RecordAsync(CorrectionOutcome.Done(relate));
    }

    public async Task<CorrectionOutcome> RetractReportAsync(Correction retract, string reportId)
    {
        retract = retract with { ReportId = reportId, Summary = $"retracted report {reportId}" };
        var outcome = await grains.GetGrain<IReportGrain>(reportId).Retract(retract);
        return await RecordAsync(await WithClaimsAsync(outcome, reportId));
    }

    public async Task<CorrectionOutcome> CorrectReportAsync(Correction correct, ReportSubmission revision)
    {
        correct = correct with { ReportId = revision.ReportId, Summary = $"corrected report {revision.ReportId}" };
        return await RecordAsync(await grains.GetGrain<IReportGrain>(revision.ReportId).Correct(revision, correct));
    }

    public async Task<(IReadOnlyList<Correction> Corrections, long? NextBefore)> ListAsync(
        CorrectionQuery query, CancellationToken cancellationToken)
    {
        var page = await log.QueryCorrectionsAsync(query, cancellationToken);
        return (page.Items.Select(serializer.Deserialize<Correction>).ToList(), page.NextBefore);
    }

    /// <summary>A retraction touches the claims its statements are on; the claims' journals say which.</summary>
    private async Task<CorrectionOutcome> WithClaimsAsync(CorrectionOutcome outcome, string reportId)
    {
        if (outcome.Correction is not { } done)
        {
            return outcome;
        }

        var report = await grains.GetGrain<IReportGrain>(reportId).Get();
        var claims = await grains.GetGrain<IReportGrain>(reportId).CurrentClaims();
        return CorrectionOutcome.Done(done with { ClaimIds = claims, StatementIds = report?.StatementIds ?? [] });
    }

    private async Task<CorrectionOutcome> RecordAsync(CorrectionOutcome outcome)
    {
        if (outcome.Correction is { } done)
        {
            var subjects = done.ClaimIds.Select(id => "claim:" + id)
                .Concat(done.ActorIds.Select(id => "actor:" + id))
                .Concat(done.ReportId.Length > 0 ? ["report:" + done.ReportId] : [])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            await log.RecordCorrectionAsync(new StoredCorrection(
                done.CorrectionId, done.Analyst, done.RecordedAt, subjects, serializer.Serialize(done)));
        }

        return outcome;
    }
}
