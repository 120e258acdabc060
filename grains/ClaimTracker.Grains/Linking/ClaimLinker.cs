using System.Globalization;
using ClaimTracker.Analysis;
using ClaimTracker.Analysis.Identity;
using ClaimTracker.Storage;
using ClaimTracker.Matching;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Linking;

/// <summary>A statement to link: its proposition, how it was put, and what the client fixed.</summary>
public sealed record LinkRequest(
    string Content, Modality Modality, bool IsDenial, Stance GivenStance, string GivenReason, string GivenClaimId)
{
    /// <summary>The words as written, when <see cref="Content"/> is a proposition rewritten from them; else empty.</summary>
    public string Verbatim { get; init; } = string.Empty;

    /// <summary>The outlet's own running text (not a headline, a speaker's words or a client's statement): the body stance model.</summary>
    public bool FromBody { get; init; }
}

/// <summary>The claim a statement is about, its stance towards it, and why.</summary>
public sealed record ClaimLink(string ClaimId, Stance Stance, string Reason)
{
    /// <summary>The stance model's probability of <see cref="Stance"/>; 0 when no model judged it (given, founding, rules alone).</summary>
    public float Confidence { get; init; }
}

/// <summary>
/// Links statements to claims. One per silo, holding that silo's replica of the claim index (kept
/// current from the durable index log), so no single grain sits on the ingest path. A statement joins
/// the best stored claim scoring at or above the threshold (embeddings + entities + quantities over
/// candidates retrieved by embeddings and BM25), otherwise it founds a new claim, which is indexed at
/// once so the rest of its report and later reports find it. The score is the hand-weighted rule
/// score or, with <see cref="LinkingScorer.Learned"/>, the learned same-claim model's probability.
/// A statement that joins a claim is indexed too, as another phrasing of that claim (up to
/// <see cref="MatchingOptions.PhrasingsPerClaim"/>): a claim is then found by every way it has been put, not only by its first wording, so
/// a later report
/// that phrases it like an earlier one joins it instead of founding a splinter claim.
/// </summary>
public sealed partial class ClaimLinker : IDisposable
{
    private const int RefreshBatch = 2000;
    private readonly IClaimIndexLog indexLog;
    private readonly MatchingOptions options;
    private readonly Lazy<ISentenceEncoder> encoder;
    private ClaimIndex index;
    private readonly ClaimMatcher matcher;
    private readonly ClaimMatcher fragmentMatcher;
    private readonly SemaphoreSlim refreshGate = new(1, 1);

    // Set only when Matching:StanceModelPath names a model of the operator's own; the shipped one is loaded on first use.
    private readonly StanceModel? ownStanceModel;
    private long position;
    private long lastRefreshTicks;

    public ClaimLinker(IClaimIndexLog indexLog, IOptions<MatchingOptions> options, Func<ISentenceEncoder> encoderFactory)
    {
        this.indexLog = indexLog;
        this.options = options.Value;
        encoder = new Lazy<ISentenceEncoder>(encoderFactory);
        index = NewIndex();
        var learned = this.options.Mode == MatchingMode.Semantic && this.options.Scorer == LinkingScorer.Learned;
        matcher = new ClaimMatcher(learned
            ? MatcherOptions.Learned with { JoinThreshold = this.options.LearnedJoinThreshold ?? SameClaimScorer.Shipped.JoinThreshold }
            : MatcherOptions.Default with { JoinThreshold = this.options.JoinThreshold, LexicalWeight = this.options.LexicalWeight });
        fragmentMatcher = new ClaimMatcher(matcher.Options with { MinCosine = this.options.FragmentMinCosine });
        ownStanceModel = string.IsNullOrWhiteSpace(this.options.StanceModelPath)
            ? null
            : StanceModel.FromFile(this.options.StanceModelPath);
    }

    public void Dispose()
    {
        WaitForSnapshot();
        index.Dispose();
        refreshGate.Dispose();
        ownStanceModel?.Dispose();
    }

    public async Task<IReadOnlyList<ClaimLink>> LinkAsync(
        IReadOnlyList<LinkRequest> statements,
        CancellationToken cancellationToken = default)
    {
        if (options.Mode == MatchingMode.Exact)
        {
            return statements.Select(LinkExactly).ToList();
        }

        await RefreshAsync(cancellationToken);
        var embeddings = await encoder.Value.EncodeAsync(statements.Select(s => s.Content).ToList(), cancellationToken);
        var links = new List<ClaimLink>(statements.Count);
        var founded = new List<ClaimIndexEntry>(); // founding texts and new phrasings, for the durable index log
        var foundedHere = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var probe = new StatementProbe(
                statement.Content,
                embeddings[i],
                Entities(statement.Content),
                QuantityReader.Read(statement.Content));
            if (statement.GivenClaimId.Length > 0)
            {
                links.Add(LinkToGivenClaim(statement, probe));
                continue;
            }

            var isFragment = TextAnalysis.Words(statement.Content).Count < options.FragmentWords;
            var decision = (isFragment ? fragmentMatcher : matcher).Decide(probe, index.Search(probe, options.Candidates));
            // The learned scorer was trained on statements of different reports: within one report the rule score decides.
            if (decision.ClaimId is { } sameReport && foundedHere.Contains(sameReport)
                && decision.RuleScore < options.SameReportJoinThreshold)
            {
                decision = decision with
                {
                    ClaimId = null,
                    Reason = string.Create(
                        CultureInfo.InvariantCulture,
                        $"the closest claim was founded by this same report: rule score {decision.RuleScore:0.00} < "
                            + $"{options.SameReportJoinThreshold:0.00} ({decision.Reason})"),
                };
            }

            if (decision.ClaimId is { } claimId && Find(claimId) is { } claim)
            {
                var stance = Stance(statement, probe, claim);
                links.Add(new ClaimLink(claimId, stance.Stance, $"{stance.Reason} (linked: {decision.Reason})")
                {
                    Confidence = stance.Confidence,
                });
                RememberPhrasing(claimId, statement.Content, embeddings[i], founded);
                RememberPhrasing(claimId, statement.Verbatim, embeddings[i], founded);
                continue;
            }

            var newId = StableIds.ClaimIdForText(statement.Content);
            var entry = new ClaimEntry(newId, statement.Content, embeddings[i], probe.Entities, probe.Quantities);
            Remember(entry);
            foundedHere.Add(newId);
            founded.Add(new ClaimIndexEntry(newId, statement.Content, embeddings[i]));
            RememberPhrasing(newId, statement.Verbatim, embeddings[i], founded);
            var (foundingStance, foundingReason) = FoundingStance(statement);
            links.Add(new ClaimLink(newId, foundingStance, $"{foundingReason}; founded the claim ({decision.Reason})"));
        }

        if (founded.Count > 0)
        {
            await indexLog.AddClaimIndexEntriesAsync(founded);
        }

        return links;
    }

    /// <summary>
    /// The stance of the statement that founds a claim, towards its own text: as given; against it when the
    /// speaker denies it; observing when hedged ("reportedly", "Sources: …"), as a hedged statement joining
    /// a claim would be; otherwise support.
    /// </summary>
    private static (Stance Stance, string Reason) FoundingStance(LinkRequest statement) =>
        statement.GivenStance != Analysis.Stance.Unspecified ? (statement.GivenStance, GivenReason(statement))
        : DeniesContent(statement) ? (Analysis.Stance.Contradicts, "denies the proposition it states")
        : statement.Modality == Modality.Hedged ? (Analysis.Stance.Observing, "puts the proposition without asserting it (hedged)")
        : (Analysis.Stance.Supports, "states the proposition");

    /// <summary>"X denied that P": the speaker rejects the content. Not "X said no P was signed", whose content is itself
    /// negative.</summary>
    private static bool DeniesContent(LinkRequest statement) => statement.IsDenial && !StanceClassifier.StatesNegation(statement.Content);

    private static string GivenReason(LinkRequest statement)
        => statement.GivenReason.Length > 0 ? statement.GivenReason : "stance given by the client";

    private static ClaimLink LinkExactly(LinkRequest statement)
    {
        var claimId = statement.GivenClaimId.Length > 0 ? statement.GivenClaimId : StableIds.ClaimIdForText(statement.Content);
        return statement.GivenStance != Analysis.Stance.Unspecified
            ? new ClaimLink(claimId, statement.GivenStance, GivenReason(statement))
            : DeniesContent(statement)
                ? new ClaimLink(claimId, Analysis.Stance.Contradicts, "denies the proposition it states")
                : new ClaimLink(claimId, Analysis.Stance.Supports, "states the claim's proposition: taken as support");
    }

    private ClaimLink LinkToGivenClaim(LinkRequest statement, StatementProbe probe)
    {
        if (statement.GivenStance != Analysis.Stance.Unspecified)
        {
            return new ClaimLink(statement.GivenClaimId, statement.GivenStance, GivenReason(statement));
        }

        if (Find(statement.GivenClaimId) is { } claim)
        {
            var stance = Stance(statement, probe, claim);
            return new ClaimLink(statement.GivenClaimId, stance.Stance, stance.Reason + " (claim given by the client)")
            {
                Confidence = stance.Confidence,
            };
        }

        return new ClaimLink(
            statement.GivenClaimId,
            Analysis.Stance.Supports,
            "claim given by the client; its text is not indexed here yet: taken as support");
    }

    private StanceDecision Stance(LinkRequest statement, StatementProbe probe, ClaimEntry claim)
    {
        if (statement.GivenStance != Analysis.Stance.Unspecified)
        {
            return new StanceDecision(statement.GivenStance, GivenReason(statement));
        }

        // A denial (by its cue or its own negative words) opposes a positive claim; against a negative
        // claim the rules compare the two texts' polarity instead.
        var denies = statement.IsDenial && !StanceClassifier.StatesNegation(claim.Text);
        var hints = new StanceHints(statement.Modality, denies, probe.Quantities, claim.Quantities)
        {
            Similarity = VectorMath.Dot(probe.Embedding, claim.Embedding),
            StatementEmbedding = probe.Embedding,
            ClaimEmbedding = claim.Embedding,
            FromBody = statement.FromBody,
        };
        return StanceClassifier.Classify(statement.Content, claim.Text, hints, StanceClassifier.ModelFor(hints, ownStanceModel));
    }

    private ClaimEntry? Find(string claimId) => index.Find(claimId);

    /// <summary>
    /// Indexes one more phrasing of a claim while it has fewer than <see cref="MatchingOptions.PhrasingsPerClaim"/>.
    /// A statement's verbatim words share its proposition's embedding: the two differ by a connective or a
    /// resolved pronoun, which the embedding barely feels, while the words still count for lexical retrieval.
    /// </summary>
    private void RememberPhrasing(string claimId, string text, float[] embedding, List<ClaimIndexEntry> indexed)
    {
        if (text.Length == 0 || index.PhrasingCount(claimId) >= options.PhrasingsPerClaim)
        {
            return;
        }

        if (Remember(new ClaimEntry(claimId, text, embedding, Entities(text), QuantityReader.Read(text))))
        {
            indexed.Add(new ClaimIndexEntry(claimId, text, embedding));
        }
    }

    /// <summary>Indexes a claim's founding text or one more phrasing of it (the index keeps each text of a claim once).</summary>
    /// <returns>Whether the text was new to this replica.</returns>
    private bool Remember(ClaimEntry entry) => index.Add(entry);

    /// <summary>Reads index entries written since the last refresh (by any silo), at most once per interval.</summary>
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref lastRefreshTicks) < (long)options.RefreshInterval.TotalMilliseconds)
        {
            return;
        }

        await refreshGate.WaitAsync(cancellationToken);
        try
        {
            // The reports that waited here while another refreshed go on: one read per interval, not one per waiting report.
            if (Environment.TickCount64 - Interlocked.Read(ref lastRefreshTicks) < (long)options.RefreshInterval.TotalMilliseconds)
            {
                return;
            }

            await RestoreSnapshotOnceAsync(cancellationToken);
            while (true)
            {
                var batch = await indexLog.ReadClaimIndexAsync(position, RefreshBatch, cancellationToken);
                foreach (var stored in batch)
                {
                    // Entities and quantities are read from the text when a search first hands the phrasing back.
                    var entry = stored.Entry;
                    index.Add(entry.ClaimId, entry.Text, entry.Embedding);
                    position = stored.Position;
                    lastRead = entry;
                }

                if (batch.Count < RefreshBatch)
                {
                    break;
                }
            }

            SaveSnapshotWhenDue();
            Interlocked.Exchange(ref lastRefreshTicks, Environment.TickCount64);
        }
        finally
        {
            refreshGate.Release();
        }
    }

    /// <summary>Names in the text (see <see cref="NamedEntities.Read"/>).</summary>
    internal static IReadOnlyList<string> Entities(string text) => NamedEntities.Read(text);
}
