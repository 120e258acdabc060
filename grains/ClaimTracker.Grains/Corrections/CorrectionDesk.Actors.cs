using ClaimTracker.Analysis.Identity;

namespace ClaimTracker.Grains.Corrections;

/// <summary>
/// Actor corrections: an alias (with the statements made under it) moves to another actor, or every alias of one actor
/// moves to another. The steps run so that a retry after a crash redoes them all (each idempotent under the correction
/// id): the alias directory's pin first, then the claims, the reports, the target actor, and the source actor last.
/// The corrections of one actor run one at a time (<see cref="ActorCorrectionGrain"/>): of two analysts moving the same
/// alias at once, the second finds it gone.
/// </summary>
public sealed partial class CorrectionDesk
{
    /// <param name="toActorId">Empty: a new actor named after the alias.</param>
    public Task<CorrectionOutcome> SplitActorAsync(Correction split, string actorId, string alias, string toActorId) =>
        grains.GetGrain<IActorCorrectionGrain>(actorId).Split(split, alias, toActorId);

    public Task<CorrectionOutcome> MergeActorsAsync(Correction merge, string sourceActorId, string targetActorId) =>
        grains.GetGrain<IActorCorrectionGrain>(sourceActorId).Merge(merge, targetActorId);

    /// <summary>Carries out a split; <see cref="ActorCorrectionGrain"/> calls it, one correction of the actor at a time.</summary>
    internal async Task<CorrectionOutcome> CarryOutSplitAsync(Correction split, string actorId, string alias, string toActorId)
    {
        var from = await grains.GetGrain<IActorGrain>(actorId).Get();
        if (from is null)
        {
            return CorrectionOutcome.NotFound($"actor '{actorId}' does not exist");
        }

        var key = ClaimText.Normalize(alias);
        var known = from.Aliases.FirstOrDefault(a => ClaimText.Normalize(a) == key);
        if (known is null)
        {
            return CorrectionOutcome.NotFound($"actor '{actorId}' has no alias '{alias}'; its aliases: {string.Join(", ", from.Aliases)}");
        }

        if (from.Aliases.Length == 1)
        {
            return CorrectionOutcome.Refused($"'{known}' is the only alias of actor '{actorId}'; merge the actor instead (MergeActors)");
        }

        string toName;
        if (toActorId.Length == 0)
        {
            toActorId = "a-" + StableIds.Hash("split:" + split.CorrectionId, 16);
            toName = known;
        }
        else if (toActorId == actorId)
        {
            return CorrectionOutcome.Refused("to_actor_id is the actor the alias is on; name another actor, or none for a new one");
        }
        else if (await grains.GetGrain<IActorGrain>(toActorId).Get() is { } to)
        {
            toName = to.Name;
        }
        else
        {
            return CorrectionOutcome.NotFound($"actor '{toActorId}' does not exist; leave to_actor_id empty for a new actor");
        }

        split = split with
        {
            ActorIds = [actorId, toActorId],
            Aliases = [known],
            Summary = $"moved alias '{known}' from actor {actorId} to {toActorId}",
        };
        return await RecordAsync(CorrectionOutcome.Done(await MoveAsync(split, from, [known], toActorId, toName, allStatements: false)));
    }

    /// <summary>Carries out a merge; <see cref="ActorCorrectionGrain"/> calls it, one correction of the actor at a time.</summary>
    internal async Task<CorrectionOutcome> CarryOutMergeAsync(Correction merge, string sourceActorId, string targetActorId)
    {
        if (sourceActorId == targetActorId)
        {
            return CorrectionOutcome.Refused("source_actor_id and target_actor_id are the same actor");
        }

        var source = await grains.GetGrain<IActorGrain>(sourceActorId).Get();
        var target = await grains.GetGrain<IActorGrain>(targetActorId).Get();
        foreach (var (id, actor) in new[] { (sourceActorId, source), (targetActorId, target) })
        {
            if (actor is null)
            {
                return CorrectionOutcome.NotFound($"actor '{id}' does not exist");
            }

            if (actor.MergedInto.Length > 0)
            {
                return CorrectionOutcome.Refused($"actor '{id}' was merged into '{actor.MergedInto}'; name that actor instead");
            }
        }

        merge = merge with
        {
            ActorIds = [sourceActorId, targetActorId],
            Aliases = source!.Aliases,
            Summary = $"merged actor {sourceActorId} into {targetActorId}",
        };
        merge = await MoveAsync(merge, source, source.Aliases, targetActorId, target!.Name, allStatements: true);
        await grains.GetGrain<IActorGrain>(sourceActorId).Correct(new ActorMergedInto(targetActorId, merge));
        return await RecordAsync(CorrectionOutcome.Done(merge));
    }

    /// <summary>Moves <paramref name="aliases"/> of <paramref name="from"/>, with their statements (or all its statements), to
    /// the target; returns the correction with the claims and statements it touched.</summary>
    private async Task<Correction> MoveAsync(
        Correction correction, ActorSnapshot from, string[] aliases, string toActorId, string toName, bool allStatements)
    {
        var keys = aliases.Select(ClaimText.Normalize).ToHashSet(StringComparer.Ordinal);
        var reportIds = from.Sightings
            .Where(s => allStatements || keys.Contains(ClaimText.Normalize(s.Alias)))
            .Select(s => s.ReportId)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var statements = new List<StatementRecord>();
        foreach (var reportId in reportIds)
        {
            statements.AddRange(await grains.GetGrain<IReportGrain>(reportId)
                .StatementsOf(from.ActorId, allStatements ? null : keys.Single()));
        }

        // Later reports follow the analyst, not the machine.
        foreach (var key in keys)
        {
            await aliasDirectory.PinAliasAsync(key, toActorId, correction.CorrectionId);
        }

        // The target first: a claim's change reaches watchers as soon as it is stored, and the actor it now names (a new one,
        // for a split to no existing actor) must be one GetActor finds. Each statement travels with one alias (the first), so
        // that the counts move once.
        var moves = statements.Select(s => new ActorStatementMove(s.StatementId, s.ClaimId, s.ReportId)).ToArray();
        var target = grains.GetGrain<IActorGrain>(toActorId);
        var source = grains.GetGrain<IActorGrain>(from.ActorId);
        for (var i = 0; i < aliases.Length; i++)
        {
            var aliasReports = from.Sightings.Where(s => ClaimText.Normalize(s.Alias) == ClaimText.Normalize(aliases[i]))
                .Select(s => s.ReportId).Distinct(StringComparer.Ordinal).ToArray();
            await target.Correct(new AliasMovedIn(aliases[i], from.ActorId, from.Kind, aliasReports, i == 0 ? moves : [], correction));
        }

        foreach (var onClaim in statements.GroupBy(s => s.ClaimId, StringComparer.Ordinal))
        {
            var claim = grains.GetGrain<IClaimGrain>(onClaim.Key);
            var moved = new List<StatementRecord>();
            foreach (var statement in onClaim)
            {
                if (await claim.GetStatement(statement.StatementId) is { } current)
                {
                    moved.Add(ActorMove.Apply(current, from.ActorId, toActorId, toName));
                }
            }

            await claim.Reattribute([.. moved], correction);
        }

        foreach (var inReport in statements.GroupBy(s => s.ReportId, StringComparer.Ordinal))
        {
            await grains.GetGrain<IReportGrain>(inReport.Key)
                .StatementsReattributed(inReport.Select(s => s.StatementId).ToArray(), from.ActorId, toActorId, toName);
        }

        for (var i = 0; i < aliases.Length; i++)
        {
            await source.Correct(new AliasMovedOut(aliases[i], toActorId, i == 0 ? moves : [], correction));
        }

        return correction with
        {
            ClaimIds = statements.Select(s => s.ClaimId).Distinct(StringComparer.Ordinal).ToArray(),
            StatementIds = statements.Select(s => s.StatementId).ToArray(),
        };
    }
}
