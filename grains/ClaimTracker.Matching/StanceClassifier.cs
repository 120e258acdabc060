using ClaimTracker.Analysis;

namespace ClaimTracker.Matching;

/// <summary>
/// Stance of a statement towards the claim it was matched to. With both embeddings in the hints a
/// learned model (<see cref="StanceModel"/>, trained by <c>tools/ClaimTracker.Training</c>) gives a
/// probability per stance over the rule signals below, the embeddings and surface features; the
/// rules still write the reason when they agree with it. Without embeddings, or when the rule is
/// extraction's own (a question, a denial cue, a hedged modality, a different figure for the same
/// measure), the ordered rules decide alone.
/// The rules, first one that fires wins:
/// <list type="number">
/// <item>a question ("…?", "is it true that …") → QUERIES;</item>
/// <item>denial/debunking vocabulary the claim does not itself use, or extraction's denial flag → CONTRADICTS;</item>
/// <item>a different value for the same measure and period → CONTRADICTS, naming both values;</item>
/// <item>a different calendar date → CONTRADICTS;  (rules 4–6 only above the similarity gate)</item>
/// <item>an antonym of a claim word ("alive" vs "dead") → CONTRADICTS;</item>
/// <item>negation polarity differs from the claim's → CONTRADICTS;</item>
/// <item>hedged or reported without endorsement ("reportedly", "claims that", "video appears to show") → OBSERVING;</item>
/// <item>otherwise SUPPORTS (naming an agreeing figure when there is one).</item>
/// </list>
/// The matcher is the first gate: only statements already linked to the claim reach here.
/// </summary>
public static class StanceClassifier
{
    /// <summary>Embedding cosine under which negation, antonym and date rules are not trusted.</summary>
    public const double SimilarityGate = 0.35;

    /// <summary>Share of the claim's terms the statement must contain to pass the gate when no cosine is given.</summary>
    public const double LexicalGate = 0.2;

    /// <summary>
    /// Whether a text is itself negative or debunking ("no agreements were signed", "the video is
    /// fake"). Extraction's denial flag on such a text describes the text, not a stance against it:
    /// the speaker asserts a negative proposition, which the rules above compare with the claim's.
    /// </summary>
    public static bool StatesNegation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = TextAnalysis.Words(text);
        return StanceLexicon.FindFirst(words, StanceLexicon.Negation) is not null
            || StanceLexicon.FindFirst(words, StanceLexicon.Denial) is not null;
    }

    /// <summary>
    /// The stance, by a model when the hints carry both embeddings (and the model ships), else by the rules: the body
    /// model for a statement from running text (<see cref="StanceHints.FromBody"/>), the headline model otherwise.
    /// </summary>
    public static StanceDecision Classify(string statementText, string claimText, StanceHints hints) =>
        Classify(statementText, claimText, hints, ModelFor(hints));

    /// <summary>
    /// The model for a statement with these hints: the shipped body model for running text, else <paramref name="headline"/>
    /// (a headline model of the operator's own) or the shipped headline one.
    /// </summary>
    public static StanceModel? ModelFor(StanceHints? hints, StanceModel? headline = null) =>
        hints is { FromBody: true } ? StanceModel.Body : headline ?? StanceModel.Shared;

    /// <summary>As <see cref="Classify(string, string, StanceHints)"/> with a given model (null: rules alone).</summary>
    public static StanceDecision Classify(string statementText, string claimText, StanceHints hints, StanceModel? model)
    {
        ArgumentNullException.ThrowIfNull(statementText);
        ArgumentNullException.ThrowIfNull(claimText);
        hints ??= StanceHints.None;
        var statement = TextAnalysis.Words(statementText);
        var claim = TextAnalysis.Words(claimText);
        var (rules, rule) = Rules(statementText, statement, claim, hints);
        if (model is null || hints.StatementEmbedding is null || hints.ClaimEmbedding is null || rule is RuleKind.Extraction)
        {
            return rules;
        }

        var features = StanceFeatures.Compute(statementText, claimText, hints, statement, claim, rules);
        var probabilities = model.Probabilities(features);
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            best = probabilities[i] > probabilities[best] ? i : best;
        }

        var stance = StanceModel.Classes[best];
        var confidence = probabilities[best];
        var reason = stance == rules.Stance
            ? rules.Reason
            : $"{ModelReason(stance)} (the rules alone would say {Name(rules.Stance)}: {rules.Reason})";
        return new StanceDecision(stance, reason) { Confidence = confidence };
    }

    /// <summary>The ordered rules alone (the figure the model is compared with, and the reason text).</summary>
    public static StanceDecision ClassifyByRules(string statementText, string claimText, StanceHints hints)
    {
        ArgumentNullException.ThrowIfNull(statementText);
        ArgumentNullException.ThrowIfNull(claimText);
        return Rules(statementText, TextAnalysis.Words(statementText), TextAnalysis.Words(claimText), hints ?? StanceHints.None).Decision;
    }

    private static string ModelReason(Stance stance) => stance switch
    {
        Stance.Contradicts => "the statement disputes the claim, as the stance model reads it",
        Stance.Observing => "the statement reports the claim without endorsing it, as the stance model reads it",
        _ => "the statement asserts the claim, as the stance model reads it",
    };

    private static string Name(Stance stance) => stance.ToString().ToUpperInvariant();

    /// <summary>Which kind of rule decided: extraction's own signals are kept over the model.</summary>
    private enum RuleKind
    {
        Extraction,
        Text,
    }

    private static (StanceDecision Decision, RuleKind Rule) Rules(
        string statementText, List<string> statement, List<string> claim, StanceHints hints)
    {
        if (IsQuestion(statementText, statement))
        {
            return (new(Stance.Queries, "the statement asks whether the claim is true (it is phrased as a question)"), RuleKind.Extraction);
        }

        if (hints.IsDenial)
        {
            return (new(Stance.Contradicts, "the statement is a denial of the claim"), RuleKind.Extraction);
        }

        var denial = Unshared(statement, claim, StanceLexicon.Denial);
        if (denial is not null)
        {
            var reason = $"the statement uses denial or debunking language (\"{denial}\") that the claim does not";
            return (new(Stance.Contradicts, reason), RuleKind.Text);
        }

        var conflict = QuantityConflict(hints.StatementQuantities, hints.ClaimQuantities);
        if (conflict is not null)
        {
            // Two figures for one measure are read by extraction, not guessed from the words: the
            // embeddings of "60,000 shells a day" and "20,000 shells a day" are nearly the same.
            return (new(Stance.Contradicts, conflict), RuleKind.Extraction);
        }

        var gate = PassesGate(statement, claim, hints.Similarity);
        if (gate)
        {
            var rule = DateConflict(statement, claim) ?? Antonym(statement, claim) ?? NegationMismatch(statement, claim);
            if (rule is not null)
            {
                return (new(Stance.Contradicts, rule), RuleKind.Text);
            }
        }

        if (hints.Modality == Modality.Hedged)
        {
            return (new(Stance.Observing, "the statement is hedged: it reports the claim without asserting it"), RuleKind.Extraction);
        }

        var hedge = Unshared(statement, claim, StanceLexicon.Hedge);
        if (hedge is not null)
        {
            return (new(Stance.Observing, $"the statement reports the claim without endorsing it (\"{hedge}\")"), RuleKind.Text);
        }

        var agreement = QuantityAgreement(hints.StatementQuantities, hints.ClaimQuantities);
        return agreement is not null
            ? (new(Stance.Supports, agreement), RuleKind.Text)
            : (new(Stance.Supports, "the statement asserts the claim: no denial, negation, conflicting figure or hedge"), RuleKind.Text);
    }

    internal static bool IsQuestion(string text, List<string> words)
    {
        var trimmed = text.TrimEnd(' ', '"', '\'', '\u201d', '\u2019', ')', '.');
        if (trimmed.EndsWith('?'))
        {
            return true;
        }

        return words.Count >= 3 && words[0] == "is" && words[1] == "it" && words[2] == "true";
    }

    /// <summary>The first cue the statement uses and the claim does not.</summary>
    internal static string? Unshared(List<string> statement, List<string> claim, StanceLexicon.Phrase[] cues)
    {
        var inClaim = StanceLexicon.FindAll(claim, cues);
        foreach (var cue in StanceLexicon.FindAll(statement, cues).Order(StringComparer.Ordinal))
        {
            if (!inClaim.Contains(cue))
            {
                return cue;
            }
        }

        return null;
    }

    internal static bool PassesGate(List<string> statement, List<string> claim, double? similarity)
    {
        if (similarity is { } cosine)
        {
            return cosine >= SimilarityGate;
        }

        var claimTerms = claim.Select(TextAnalysis.Stem).Where(t => t.Length > 2).ToHashSet(StringComparer.Ordinal);
        if (claimTerms.Count == 0)
        {
            return false;
        }

        var statementTerms = statement.Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal);
        return (double)claimTerms.Count(statementTerms.Contains) / claimTerms.Count >= LexicalGate;
    }

    internal static string? QuantityConflict(IReadOnlyList<QuantityFeature> statement, IReadOnlyList<QuantityFeature> claim)
    {
        foreach (var s in statement)
        {
            if (claim.Any(c => QuantityComparison.Agree(s, c)))
            {
                continue;
            }

            foreach (var c in claim)
            {
                if (QuantityComparison.Conflict(s, c))
                {
                    return $"conflicting figures for the same measure: the statement gives {QuantityComparison.Describe(s)}, the claim " +
                        $"{QuantityComparison.Describe(c)}";
                }
            }
        }

        return null;
    }

    internal static string? QuantityAgreement(IReadOnlyList<QuantityFeature> statement, IReadOnlyList<QuantityFeature> claim)
    {
        foreach (var s in statement)
        {
            foreach (var c in claim)
            {
                if (QuantityComparison.Agree(s, c))
                {
                    return $"the statement asserts the claim with the same figure ({QuantityComparison.Describe(s)}; the claim: " +
                        $"{QuantityComparison.Describe(c)})";
                }
            }
        }

        return null;
    }

    /// <summary>A date of the statement's words that the claim's do not give (both as <see cref="TextAnalysis.Words"/>).</summary>
    internal static string? DateConflict(List<string> statement, List<string> claim)
    {
        var inStatement = DateMentions.Read(statement);
        var inClaim = DateMentions.Read(claim);
        if (inStatement.Count == 0 || inClaim.Count == 0)
        {
            return null;
        }

        foreach (var s in inStatement)
        {
            var same = inClaim.Any(c => c.Month == s.Month && c.Day == s.Day && (c.Year is null || s.Year is null || c.Year == s.Year));
            if (!same)
            {
                return $"conflicting dates: the statement says {DateMentions.Describe(s)}, the claim {DateMentions.Describe(inClaim[0])}";
            }
        }

        return null;
    }

    internal static string? Antonym(List<string> statement, List<string> claim)
    {
        var s = statement.Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal);
        var c = claim.Select(TextAnalysis.Stem).ToHashSet(StringComparer.Ordinal);
        foreach (var (a, b) in StanceLexicon.Antonyms)
        {
            if (s.Contains(a) && c.Contains(b) && !s.Contains(b) && !c.Contains(a))
            {
                return $"the statement says \"{Original(statement, a)}\" where the claim says \"{Original(claim, b)}\"";
            }

            if (s.Contains(b) && c.Contains(a) && !s.Contains(a) && !c.Contains(b))
            {
                return $"the statement says \"{Original(statement, b)}\" where the claim says \"{Original(claim, a)}\"";
            }
        }

        return null;
    }

    internal static string? NegationMismatch(List<string> statement, List<string> claim)
    {
        var inStatement = StanceLexicon.FindFirst(statement, StanceLexicon.Negation);
        var inClaim = StanceLexicon.FindFirst(claim, StanceLexicon.Negation);
        if (inStatement is not null && inClaim is null)
        {
            return $"the statement negates what the claim asserts (\"{inStatement}\")";
        }

        if (inStatement is null && inClaim is not null)
        {
            return $"the claim is negative (\"{inClaim}\") and the statement asserts the opposite";
        }

        return null;
    }

    private static string Original(List<string> words, string stem) =>
        words.FirstOrDefault(w => string.Equals(TextAnalysis.Stem(w), stem, StringComparison.Ordinal)) ?? stem;
}
