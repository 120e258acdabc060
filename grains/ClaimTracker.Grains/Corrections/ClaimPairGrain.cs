namespace ClaimTracker.Grains.Corrections;

/// <summary>
/// Decides merges between two claims, one call at a time (a non-reentrant grain per pair): of two analysts merging the
/// same pair at once, in either direction, the first merges and the second is told which merge did. It keeps no state
/// of its own: the claims' journals say whether a merge is in force, so a retry after a crash finishes the job.
/// </summary>
public sealed class ClaimPairGrain : Grain, IClaimPairGrain
{
    public static string KeyOf(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a + "|" + b : b + "|" + a;

    public async Task<CorrectionOutcome> Merge(string sourceClaimId, string targetClaimId, Correction correction)
    {
        var source = GrainFactory.GetGrain<IClaimGrain>(sourceClaimId);
        var target = GrainFactory.GetGrain<IClaimGrain>(targetClaimId);
        var (sourceState, targetState) = (await source.GetMergeState(), await target.GetMergeState());
        if (!sourceState.Exists || !targetState.Exists)
        {
            return CorrectionOutcome.NotFound($"claim '{(sourceState.Exists ? targetClaimId : sourceClaimId)}' does not exist");
        }

        if (sourceState.MergedInto == targetClaimId && sourceState.MergeId != correction.CorrectionId)
        {
            return CorrectionOutcome.DoneBefore(sourceState.MergeId);
        }

        if (sourceState.MergedInto.Length > 0 && sourceState.MergedInto != targetClaimId)
        {
            return CorrectionOutcome.Refused(
                $"claim '{sourceClaimId}' is already merged into '{sourceState.MergedInto}' (merge {sourceState.MergeId}); "
                + "unmerge it first");
        }

        if (targetState.MergedInto.Length > 0)
        {
            return CorrectionOutcome.Refused(
                $"claim '{targetClaimId}' was merged into '{targetState.MergedInto}'; merge into '{targetState.MergedInto}' instead");
        }

        var statements = await source.MergeInto(targetClaimId, correction);
        await target.Absorb(statements, correction);
        return CorrectionOutcome.Done(correction);
    }

    public async Task<CorrectionOutcome> Unmerge(string sourceClaimId, string targetClaimId, Correction unmerge)
    {
        var source = GrainFactory.GetGrain<IClaimGrain>(sourceClaimId);
        var target = GrainFactory.GetGrain<IClaimGrain>(targetClaimId);
        var sourceState = await source.GetMergeState();
        if (sourceState.MergeId != unmerge.MergeId)
        {
            return CorrectionOutcome.Refused($"merge {unmerge.MergeId} is no longer in force: it was undone before");
        }

        var absorbed = await target.ReleaseMerge(unmerge);
        await source.EndMerge(unmerge, absorbed);
        return CorrectionOutcome.Done(unmerge);
    }
}
