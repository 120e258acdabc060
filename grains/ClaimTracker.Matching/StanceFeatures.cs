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
    public const int SignalCount = 46;

    public const int Count = SignalCount + (2 * EmbeddingDimensions);

    /// <summary>Names the layout; bump it whenever <see cref="Compute"/> changes.</summary>
    public const string Layout = "stance-features-v2: 46 rule and surface signals, |u-v| (384), u*v (384)";

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
        var rules = StanceClassifier.ClassifyByRules(statementText, claimText, hints);
        return Compute(statementText, claimText, hints, statement, claim, rules);
    }

    /// <summary>
    /// <see cref="Compute(string, string, StanceHints)"/> from the texts' words and the rules' decision already at hand
    /// (<see cref="StanceClassifier.Classify(string, string, StanceHints)"/> has both), so serving reads each text once.
    /// </summary>
    internal static float[] Compute(
        string statementText, string claimText, StanceHints hints, List<string> statement, List<string> claim, StanceDecision rules)
    {
        var f = new float[Count];
        var u = hints.StatementEmbedding;
        var v = hints.ClaimEmbedding;
        var cosine = hints.Similarity ?? (u is not null && v is not null ? VectorMath.Dot(u, v) : 0);
        var statementTerms = TextAnalysis.Terms(statementText).Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal);
        var claimTerms = TextAnalysis.Terms(claimText).Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal);
        var gate = StanceClassifier.PassesGate(statement, claim, hints.Similarity);

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
        f[18] = Flag(StanceClassifier.DateConflict(statement, claim) is not null);
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

        ReportingSignals(statementText, statement, claim, f);

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

    /// <summary>
    /// Signals 32–45: how far the statement stands from the claim it repeats — attributed to someone
    /// ("X says", "- analyst"), possible ("may", "could"), planned ("in talks"), asked ("?") — or vouches
    /// for it ("confirms"). Headlines that only report a rumour carry these more than those that assert it.
    /// </summary>
    private static void ReportingSignals(string statementText, List<string> statement, List<string> claim, float[] f)
    {
        f[32] = StanceLexicon.FindAll(statement, StanceLexicon.Attribution).Count;
        f[33] = StanceLexicon.FindAll(claim, StanceLexicon.Attribution).Count;
        f[34] = Flag(StanceClassifier.Unshared(statement, claim, StanceLexicon.Attribution) is not null);
        f[35] = Flag(TrailingSource().IsMatch(statementText));
        f[36] = StanceLexicon.FindAll(statement, StanceLexicon.Modal).Count;
        f[37] = StanceLexicon.FindAll(claim, StanceLexicon.Modal).Count;
        f[38] = Flag(StanceClassifier.Unshared(statement, claim, StanceLexicon.Modal) is not null);
        f[39] = Flag(statementText.Contains('?', StringComparison.Ordinal));
        f[40] = Flag(StanceClassifier.Unshared(statement, claim, StanceLexicon.Plan) is not null);
        f[41] = Flag(StanceClassifier.Unshared(statement, claim, StanceLexicon.Confirmation) is not null);
        f[42] = StanceLexicon.FindAll(statement, StanceLexicon.Hedge).Count - StanceLexicon.FindAll(claim, StanceLexicon.Hedge).Count;
        f[43] = FirstPosition(statement, StanceLexicon.Hedge);
        f[44] = FirstPosition(statement, StanceLexicon.Attribution);
        f[45] = Flag(MediaShows().IsMatch(statementText));
    }

    /// <summary>Where the first phrase of <paramref name="phrases"/> starts, as a share of the text (1 when absent).</summary>
    private static float FirstPosition(List<string> words, StanceLexicon.Phrase[] phrases)
    {
        var first = StanceLexicon.FirstPosition(words, phrases) is var at and >= 0 ? at : words.Count;
        return words.Count == 0 ? 1f : (float)first / words.Count;
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

    /// <summary>A source after a dash at the end ("… - senior official") or a verb of saying ending the text ("…, they say").</summary>
    [GeneratedRegex(
        @"(\s[-\u2013\u2014]+\s*([\w.'\u2019]+\s+){0,3}[\w.'\u2019]+|\b(says?|said|claims?|reports?|suggests?|confirms?))\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSource();

    /// <summary>"video shows", "photo appears to show", "footage claims".</summary>
    [GeneratedRegex(
        @"\b(videos?|photos?|pictures?|images?|footage|recording|audio)\s+(\w+\s+)?(shows?|claims?|appears?|purports?|seems?|may)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MediaShows();

    /// <summary>A short label before a colon at the start ("Police: …", "Sources: …").</summary>
    [GeneratedRegex(@"^\W*(\w+\W+){0,3}\w+\s*:\s", RegexOptions.CultureInvariant)]
    private static partial Regex LabelColon();
}
