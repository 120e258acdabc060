namespace ClaimTracker.Grains.Corrections;

/// <summary>
/// One actor's alias moves, one at a time (a grain is non-reentrant by default). A retry of a correction already recorded
/// is answered from the record.
/// </summary>
public sealed class ActorCorrectionGrain(CorrectionDesk desk) : Grain, IActorCorrectionGrain
{
    public async Task<CorrectionOutcome> Split(Correction correction, string alias, string toActorId) =>
        await desk.FindAsync(correction.CorrectionId) is { } done
            ? CorrectionOutcome.Done(done)
            : await desk.CarryOutSplitAsync(correction, this.GetPrimaryKeyString(), alias, toActorId);

    public async Task<CorrectionOutcome> Merge(Correction correction, string targetActorId) =>
        await desk.FindAsync(correction.CorrectionId) is { } done
            ? CorrectionOutcome.Done(done)
            : await desk.CarryOutMergeAsync(correction, this.GetPrimaryKeyString(), targetActorId);
}
