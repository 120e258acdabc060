namespace ClaimTracker.Grains.Claims;

/// <summary>
/// What analysts' and outlets' corrections did to one claim, as its journal says: statements that no longer
/// count (and why), merges in and out, relations. Null on a claim never corrected, so it costs nothing there.
/// </summary>
public sealed class ClaimCorrections
{
    private readonly Dictionary<string, Inactive> inactive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> absorbedByMerge = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> mergedSources = new(StringComparer.Ordinal);
    private readonly List<ClaimRelation> relations = [];
    private readonly Dictionary<string, string> scopeExcludedOrigins = new(StringComparer.Ordinal);
    private readonly HashSet<string> applied = new(StringComparer.Ordinal);
    private Dictionary<string, StatementRecord>? reattributed;

    /// <summary>The claim this one is merged into, while merged; else empty.</summary>
    public string MergedInto { get; private set; } = string.Empty;

    /// <summary>The merge that made this claim point at <see cref="MergedInto"/>.</summary>
    public string MergeId { get; private set; } = string.Empty;

    public IReadOnlyList<ClaimRelation> Relations => relations;

    public IEnumerable<string> MergedClaimIds => mergedSources.Values;

    /// <summary>The claim that supersedes this one, if any.</summary>
    public string SupersededBy =>
        relations.FirstOrDefault(r => r.Kind == ClaimRelationKind.Supersedes && !r.IsSubject)?.OtherClaimId ?? string.Empty;

    public int InactiveCount => inactive.Count;

    public bool HasApplied(string correctionId) => applied.Contains(correctionId);

    public bool IsInactive(string statementId) => inactive.ContainsKey(statementId);

    public string NoteOf(string statementId) => inactive.TryGetValue(statementId, out var why) ? why.Note : string.Empty;

    /// <summary>The statements the merge <paramref name="mergeId"/> brought here, in arrival order.</summary>
    public IReadOnlyList<string> AbsorbedBy(string mergeId) => absorbedByMerge.GetValueOrDefault(mergeId) ?? [];

    /// <summary>The claim a merge into this one came from, when that merge is in force.</summary>
    public string? SourceOf(string mergeId) => mergedSources.GetValueOrDefault(mergeId);

    /// <summary>The claim whose scope a contradiction from <paramref name="originId"/> concerns, when an analyst said so.</summary>
    public string? ScopeOf(string originId) => scopeExcludedOrigins.GetValueOrDefault(originId);

    public void Applied(Correction correction) => applied.Add(correction.CorrectionId);

    /// <summary>An analyst moved the statement to another actor: this is how it reads now.</summary>
    public void Reattributed(StatementRecord statement) =>
        (reattributed ??= new(StringComparer.Ordinal))[statement.StatementId] = statement;

    /// <summary>The statement as it reads now: as journaled, or as an analyst reattributed it since.</summary>
    public StatementRecord CurrentOf(StatementRecord statement) =>
        reattributed?.GetValueOrDefault(statement.StatementId) is { } current && current.ClaimId == statement.ClaimId
            ? current
            : statement;

    public void Absorbed(string statementId, string mergeId, string sourceClaimId)
    {
        if (!absorbedByMerge.TryGetValue(mergeId, out var ids))
        {
            absorbedByMerge[mergeId] = ids = [];
        }

        ids.Add(statementId);
        mergedSources.TryAdd(mergeId, sourceClaimId);
        inactive.Remove(statementId);
    }

    public void Withdraw(string statementId, string note, bool counted) => inactive[statementId] = new Inactive(note, counted);

    public void Reinstate(string statementId) => inactive.Remove(statementId);

    public void MergeInto(string target, string mergeId)
    {
        MergedInto = target;
        MergeId = mergeId;
    }

    /// <summary>Undoes the merge <paramref name="mergeId"/>, on whichever side of it this claim was.</summary>
    public void Unmerge(string mergeId, string note)
    {
        if (MergeId == mergeId)
        {
            MergedInto = string.Empty;
            MergeId = string.Empty;
        }

        if (mergedSources.Remove(mergeId))
        {
            foreach (var id in absorbedByMerge[mergeId])
            {
                inactive[id] = new Inactive(note, Counted: false);
            }
        }
    }

    public void Relate(ClaimRelation relation, bool removed, IEnumerable<string> otherOrigins)
    {
        relations.RemoveAll(r => r.Kind == relation.Kind && r.OtherClaimId == relation.OtherClaimId && r.IsSubject == relation.IsSubject);
        if (relation.Kind == ClaimRelationKind.ScopeDiffers)
        {
            foreach (var origin in scopeExcludedOrigins.Where(o => o.Value == relation.OtherClaimId).Select(o => o.Key).ToList())
            {
                scopeExcludedOrigins.Remove(origin);
            }
        }

        if (removed)
        {
            return;
        }

        relations.Add(relation);
        if (relation.Kind == ClaimRelationKind.ScopeDiffers)
        {
            foreach (var origin in otherOrigins)
            {
                scopeExcludedOrigins.TryAdd(origin, relation.OtherClaimId);
            }
        }
    }

    /// <summary>The reason lines: withdrawals grouped by why ("2 statements withdrawn: …"), merges, relations.</summary>
    public IEnumerable<string> Reasons()
    {
        foreach (var group in inactive.Values.Where(i => i.Counted).GroupBy(i => i.Note, StringComparer.Ordinal))
        {
            var count = group.Count();
            yield return $"{count} statement{(count == 1 ? string.Empty : "s")} withdrawn: {group.Key}";
        }

        foreach (var source in mergedSources.Values)
        {
            yield return $"includes the statements of claim {source} (merged into this one)";
        }

        foreach (var relation in relations)
        {
            yield return (relation.Kind, relation.IsSubject) switch
            {
                (ClaimRelationKind.Supersedes, false) => $"superseded by claim {relation.OtherClaimId}",
                (ClaimRelationKind.Supersedes, true) => $"supersedes claim {relation.OtherClaimId}",
                (ClaimRelationKind.Refines, true) => $"refines claim {relation.OtherClaimId}",
                (ClaimRelationKind.Refines, false) => $"refined by claim {relation.OtherClaimId}",
                _ => $"differs in scope from claim {relation.OtherClaimId}: their origins' contradictions are not counted here",
            };
        }
    }

    private sealed record Inactive(string Note, bool Counted);
}
