namespace ClaimTracker.Grains.Linking;

public enum MatchingMode
{
    /// <summary>Sentence embeddings, BM25, entities and quantities decide which claim a statement is about.</summary>
    Semantic = 0,
    /// <summary>Only statements whose text is equal after normalisation share a claim (no model is loaded).</summary>
    Exact = 1,
}

/// <summary>What decides whether a statement joins a retrieved claim.</summary>
public enum LinkingScorer
{
    /// <summary>The hand-weighted rule score (<see cref="MatchingOptions.JoinThreshold"/>, <see cref="MatchingOptions.LexicalWeight"/>).
    /// </summary>
    Rules = 0,
    /// <summary>
    /// The learned same-claim model shipped with ClaimTracker.Matching (its probability against a threshold chosen by cross-validation).
    /// </summary>
    Learned = 1,
}

/// <summary>Bound from "Matching".</summary>
public sealed class MatchingOptions
{
    public const string SectionName = "Matching";

    public MatchingMode Mode { get; set; } = MatchingMode.Semantic;

    /// <summary>
    /// The learned same-claim model by default, with the rules' join where the rule score clears its threshold by the margin
    /// the model's manifest records; within one report the rule score decides (<see cref="SameReportJoinThreshold"/>).
    /// <see cref="LinkingScorer.Rules"/>: the hand-weighted rule score alone. Figures: docs/evaluation-linking.md.
    /// </summary>
    public LinkingScorer Scorer { get; set; } = LinkingScorer.Learned;

    /// <summary>
    /// With the learned scorer: the probability at or above which a statement joins a stored claim; unset,
    /// the threshold recorded in the model's manifest (chosen by grouped cross-validation when it was trained).
    /// </summary>
    public double? LearnedJoinThreshold { get; set; }

    /// <summary>
    /// With the rule scorer: score (cosine + LexicalWeight × normalised BM25 + entity and quantity terms) at or above which a
    /// statement joins a stored claim. The default operating point (lexical weight 1, threshold 0.84)
    /// demands shared wording as well as shared meaning, which keeps different propositions on one topic
    /// apart (how it was chosen: docs/evaluation.md).
    /// </summary>
    public double JoinThreshold { get; set; } = 0.84;

    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>
    /// A fragment (fewer than <see cref="FragmentWords"/> words, e.g. a headline's "arms talks with
    /// Pyongyang") joins no claim below this embedding cosine: its few shared words and names are
    /// topic overlap, not evidence of the same proposition. Longer statements are not held to it: there it
    /// costs recall (docs/evaluation.md).
    /// </summary>
    public double FragmentMinCosine { get; set; } = 0.6;

    public int FragmentWords { get; set; } = 6;

    /// <summary>
    /// Statements of one report join a claim founded by the same report only at or above this rule score, whichever
    /// scorer decides: an article rarely states one proposition twice, but it often states several on one topic, and
    /// the learned scorer was trained on statements of different reports only.
    /// </summary>
    public double SameReportJoinThreshold { get; set; } = 1.2;

    /// <summary>
    /// Texts a claim is indexed under: its founding text and the statements that joined it, up to this
    /// many, which bounds the index at this many entries per claim. Each phrasing widens what the claim
    /// catches: past a few, it catches other propositions on the same topic as well as new wordings of
    /// its own (the figures behind 12: docs/evaluation.md).
    /// </summary>
    public int PhrasingsPerClaim { get; set; } = 12;

    /// <summary>Candidates retrieved per statement (from each of the embedding and BM25 rankings).</summary>
    public int Candidates { get; set; } = 10;

    /// <summary>
    /// A claim counts an origin's support or contradiction only when the stance model's confidence in
    /// it is at least this (stances no model judged always count); the status reasons name the ones
    /// left out. See docs/evaluation-stance.md for how the default was chosen.
    /// </summary>
    public double StanceConfidenceFloor { get; set; } = 0.5;

    /// <summary>
    /// A headline stance model to use instead of the shipped one: a <c>stance.zip</c> written by
    /// <c>tools/ClaimTracker.Training -- stance … --out DIR</c> (or one of its <c>--fold-models</c>), with its manifest beside it.
    /// Unset: the shipped model. Statements from running text keep the shipped body model.
    /// </summary>
    public string? StanceModelPath { get; set; }

    /// <summary>How stale a silo's index replica may be before linking reads the new entries.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Stored phrasings from which the claim index searches embeddings approximately: k-means centroids, and per search
    /// only the lists of the <see cref="ApproximateProbes"/> nearest ones (below, every phrasing is scanned). Recall
    /// against the exact scan: docs/history-and-search.md.
    /// </summary>
    public long ApproximateFrom { get; set; } = 50_000;

    /// <summary>Phrasings per centroid's list when the centroids are trained (16 to 1,024 lists).</summary>
    public int ApproximatePhrasingsPerList { get; set; } = 4_000;

    /// <summary>Lists scanned per approximate search.</summary>
    public int ApproximateProbes { get; set; } = 8;

    /// <summary>
    /// The file this silo's replica of the claim index is saved to and loaded from at its first use, before it reads
    /// the index log's newer entries: a sequential read instead of a replay of the whole log. Unset: claim-index.snapshot
    /// beside the database in embedded mode, none in cluster mode; empty: none.
    /// </summary>
    public string? IndexSnapshotPath { get; set; }

    /// <summary>Index-log entries read since the last snapshot after which the replica is saved again (in the background).</summary>
    public int IndexSnapshotEvery { get; set; } = 100_000;

    internal Matching.ClaimIndexOptions IndexOptions => new()
    {
        ApproximateFrom = ApproximateFrom,
        PhrasingsPerList = ApproximatePhrasingsPerList,
        Probes = ApproximateProbes,
    };
}
