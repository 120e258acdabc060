using System.Globalization;
using ClaimTracker.Analysis;

namespace ClaimTracker.Grains.History;

/// <summary>What one version changed in a claim, in plain words an analyst reads in a history.</summary>
public static class ClaimChanges
{
    public static IReadOnlyList<string> Describe(
        ClaimSummary? before, ClaimSummary after, StatementRecord statement, IReadOnlyDictionary<string, string> originNames)
    {
        var changes = new List<string>(4)
        {
            (before is null ? "created by " : "statement added: ") + Describe(statement),
        };
        if (before is null)
        {
            changes.Add("status " + Name(after.Status));
            return changes;
        }

        if (before.Status != after.Status)
        {
            changes.Add($"status {Name(before.Status)} → {Name(after.Status)}");
        }

        if (before.Credibility != after.Credibility)
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"credibility {before.Credibility} → {after.Credibility}"));
        }

        AddOriginChanges(changes, "supporting", before.SupportingOrigins, after.SupportingOrigins, originNames);
        AddOriginChanges(changes, "contradicting", before.ContradictingOrigins, after.ContradictingOrigins, originNames);
        return changes;
    }

    /// <summary>"Kremlin (contradicts) in Fourth Outlet via AFP".</summary>
    public static string Describe(StatementRecord statement)
    {
        var stance = StanceWord(statement.Stance) + (statement.Modality == Modality.Hedged ? ", hedged" : string.Empty);
        var via = statement.Via.Length > 0 ? " via " + string.Join(" → ", statement.Via) : string.Empty;
        return $"{statement.Speaker} ({stance}) in {statement.Source}{via}";
    }

    /// <summary>The status as the API names it: "CONTESTED".</summary>
    public static string Name(CorroborationStatus status) => status.ToString().ToUpperInvariant();

    private static string StanceWord(Stance stance) => stance switch
    {
        Stance.Supports => "supports",
        Stance.Contradicts => "contradicts",
        Stance.Observing => "reports without endorsing",
        Stance.Queries => "questions",
        _ => "no stance",
    };

    private static void AddOriginChanges(
        List<string> changes, string side, string[] before, string[] after, IReadOnlyDictionary<string, string> names)
    {
        foreach (var id in after.Except(before, StringComparer.Ordinal))
        {
            changes.Add($"{side} origin added: {names.GetValueOrDefault(id, id)}");
        }

        foreach (var id in before.Except(after, StringComparer.Ordinal))
        {
            changes.Add($"{side} origin removed: {names.GetValueOrDefault(id, id)}");
        }
    }
}
