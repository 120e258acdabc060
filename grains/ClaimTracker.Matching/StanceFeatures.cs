using System.Text.RegularExpressions;
using ClaimTracker.Analysis;

namespace ClaimTracker.Matching;

/// <summary>
/// The stance model's input: the rule signals of <see cref="StanceClassifier"/> (cue words, negation
/// parity, quantity and date conflicts, question form, the rules' own verdict), surface features of
/// the two texts, and the MiniLM embeddings compared (cosine, |u−v|, u⊙v). Training and serving both
/// call <see cref="Compute"/>, so the model always sees the features it was trained on; changing the
/// layout means retraining (<see cref="Layout"/> is recorded in the model's manifest).
/// </summary>
public static partial class StanceFeatures
{
    /// <summary>Embedding dimensions the layout is built for (MiniLM-L6).</summary>
    public const int EmbeddingDimensions = 384;

    /// <summary>Number of rule and surface signals before the embedding block.</summary>
    public const int SignalCount = 32;

    public const int Count = SignalCount + (2 * EmbeddingDimensions);

    /// <summary>Names the layout; bump it whenever <see cref="Compute"/> changes.</summary>
    public const string Layout = "stance-features-v1: 32 rule and surface signals, |u-v| (384), u*v (384)";

    private static readonly Stance[] RuleStances = [Stance.Supports, Stance.Contradicts, Stance.Observing, Stance.Queries];

    /// <summary>
    /// Features of one statement ⇄ claim pair. Without embeddings in <paramref name="hints"/> the
    /// embedding block is zero (the model is only asked when both are there).
    /// </summary>
    public static float[] Compute(string statementText, string claimText, StanceHints hints)
    {
        ArgumentNullException.ThrowIfNull(statementText);
        ArgumentNullException.ThrowIfNull(claimText);
        ArgumentNullException.ThrowIfNull(hints);
        var statement = TextAnalysis.Words(statementText);
        var claim = TextAnalysis.Words(claimText);
        var f = new float[Count];
        var u = hints.StatementEmbedding;
        var v = hints.ClaimEmbedding;
        var cosine = hints.Similarity ?? (u is not null && v is not null ? VectorMath.Dot(u, v) : 0);
        var statementTerms = TextAnalysis.Terms(statementText).Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal);
        var claimTerms = TextAnalysis.Terms(claimText).Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal);
        var gate = StanceClassifier.PassesGate(statement, claim, hints.Similarity);
        var rules = StanceClassifier.ClassifyByRules(statementText, claimText, hints);

        f[0] = (float)cosine;
        f[1] = Flag(StanceClassifier.IsQuestion(statementText, statement));
        f[2] = Flag(StanceClassifier.Unshared(statement, claim, StanceLexicon.Denial) is not null);
        f[3] = StanceLexicon.FindAll(statement, StanceLexicon.Denial).Count;
        f[4] = StanceLexicon.FindAll(claim, StanceLexicon.Denial).Count;
        f[5] = Flag(StanceClassifier.Unshared(statement, claim, StanceLexicon.Hedge) is not null);
        f[6] = StanceLexicon.FindAll(statement, StanceLexicon.Hedge).Count;
        f[7] = StanceLexicon.FindAll(claim, StanceLexicon.Hedge).Count;
        f[8] = Flag(ReportLabel().IsMatch(statementText));
        f[9] = Flag(StanceLexicon.FindFirst(statement, StanceLexicon.Reporting) is not null);
        f[10] = Flag(ClaimsToShow().IsMatch(statementText));
        f[11] = Flag(LabelColon().IsMatch(statementText));
        f[12] = Flag(StanceLexicon.FindFirst(statement, StanceLexicon.Negation) is not null);
        f[13] = Flag(StanceLexicon.FindFirst(claim, StanceLexicon.Negation) is not null);
        f[14] = Flag(StanceClassifier.NegationMismatch(statement, claim) is not null);
        f[15] = Flag(StanceClassifier.Antonym(statement, claim) is not null);
        f[16] = Flag(StanceClassifier.QuantityConflict(hints.StatementQuantities, hints.ClaimQuantities) is not null);
        f[17] = Flag(StanceClassifier.QuantityAgreement(hints.StatementQuantities, hints.ClaimQuantities) is not null);
        f[18] = Flag(StanceClassifier.DateConflict(statementText, claimText) is not null);
        f[19] = Flag(gate);
        f[20] = Flag(hints.IsDenial);
        f[21] = Flag(hints.Modality == Modality.Hedged);
        f[22] = statement.Count;
        f[23] = claim.Count;
        f[24] = Share(claimTerms, statementTerms);
        f[25] = Share(statementTerms, claimTerms);
        f[26] = Flag(statementText.Contains('!', StringComparison.Ordinal));
        f[27] = Flag(statementText.IndexOfAny(['"', '\u201c', '\u2018', '\'']) >= 0);
        for (var i = 0; i < RuleStances.Length; i++)
        {
            f[28 + i] = Flag(rules.Stance == RuleStances[i]);
        }

        if (u is not null && v is not null)
        {
            var n = Math.Min(EmbeddingDimensions, Math.Min(u.Length, v.Length));
            for (var i = 0; i < n; i++)
            {
                f[SignalCount + i] = Math.Abs(u[i] - v[i]);
                f[SignalCount + EmbeddingDimensions + i] = u[i] * v[i];
            }
        }

        return f;
    }

    private static float Flag(bool value) => value ? 1f : 0f;

    /// <summary>Share of <paramref name="of"/> found in <paramref name="within"/>.</summary>
    private static float Share(HashSet<string> of, HashSet<string> within) =>
        of.Count == 0 ? 0f : (float)of.Count(within.Contains) / of.Count;

    /// <summary>"Report: …", "Reports: …", "REPORT: …".</summary>
    [GeneratedRegex(@"\breports?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportLabel();

    /// <summary>"claims to show", "appears to be", "said to have", "purports to".</summary>
    [GeneratedRegex(
        @"\b(claims?|claimed|appears?|seems?|said|purports?|alleged(ly)?|thought|believed|rumou?red)\s+to\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimsToShow();

    /// <summary>A short label before a colon at the start ("Police: …", "Sources: …").</summary>
    [GeneratedRegex(@"^\W*(\w+\W+){0,3}\w+\s*:\s", RegexOptions.CultureInvariant)]
    private static partial Regex LabelColon();
}
