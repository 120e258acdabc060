using ClaimTracker.EvaluationData;

namespace ClaimTracker.Training;

/// <summary>
/// Cross-validation folds that keep every row of a group (a rumour) in one fold: groups are ordered by
/// a stable hash of their id and dealt round-robin, so the folds do not depend on row order or on the
/// process.
/// </summary>
public static class GroupedFolds
{
    /// <summary>The fold (0 … <paramref name="folds"/> − 1) of each group id.</summary>
    public static Dictionary<string, int> Assign(IEnumerable<string> groups, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var ordered = groups.Distinct(StringComparer.Ordinal)
            .OrderBy(Split.Hash)
            .ThenBy(g => g, StringComparer.Ordinal)
            .ToList();
        var fold = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            fold[ordered[i]] = i % folds;
        }

        return fold;
    }
}
