using System.Globalization;
using System.Text;

namespace ClaimTracker.MatchingEvaluation;

/// <summary>Where an article's headline ended up in the Emergent replay.</summary>
internal enum ReplayOutcome
{
    /// <summary>It joined its rumour's claim.</summary>
    Linked,

    /// <summary>Extraction found no statement in it.</summary>
    NoStatement,

    /// <summary>It founded a claim of its own.</summary>
    FoundedOwnClaim,

    /// <summary>It joined a claim founded by another rumour or by an article of another rumour.</summary>
    JoinedWrongClaim,

    /// <summary>It joined a claim founded by an earlier article of the same rumour (not the rumour's seed).</summary>
    JoinedSplinter,
}

/// <summary>The figures of one set of rumours in the Emergent replay (a half, or all).</summary>
internal sealed class ReplayTally(string name)
{
    private static readonly string[] StanceLabels = ["for", "against", "observing"];
    private readonly List<string> gold = [];
    private readonly List<string> predicted = [];
    private readonly Dictionary<ReplayOutcome, int> outcomes = Enum.GetValues<ReplayOutcome>().ToDictionary(o => o, _ => 0);
    private readonly Dictionary<ReplayOutcome, Confusion> stanceByOutcome = Enum.GetValues<ReplayOutcome>()
        .ToDictionary(o => o, _ => new Confusion(StanceLabels));
    private int rumours;
    private int joinedSeeds;
    private int trueOrFalse;

    public string Name => name;

    public Confusion Stance { get; } = new(StanceLabels);

    public Confusion LinkedStance { get; } = new(StanceLabels);

    public Confusion Verdict { get; } = new(["true", "false", "unknown"]);

    public void AddArticle(string rumourId, string predictedClaim, ReplayOutcome outcome, string goldStance, string predictedStance)
    {
        gold.Add(rumourId);
        predicted.Add(predictedClaim);
        outcomes[outcome]++;
        Stance.Add(goldStance, predictedStance);
        stanceByOutcome[outcome].Add(goldStance, predictedStance);
        if (outcome == ReplayOutcome.Linked)
        {
            LinkedStance.Add(goldStance, predictedStance);
        }
    }

    /// <summary>A rumour's own statement joined an earlier claim (always wrong: every rumour is a proposition of its own).</summary>
    public void AddJoinedSeed() => joinedSeeds++;

    public void AddRumour(string truth, string status)
    {
        rumours++;
        trueOrFalse += truth is "true" or "false" ? 1 : 0;
        Verdict.Add(truth, status);
    }

    /// <summary>Linking B-cubed over the articles of the rumours <paramref name="selected"/> picks, clusters as in the whole
    /// replay.</summary>
    public (double Precision, double Recall, double F1) LinkingOf(Func<string, bool> selected) =>
        BCubed.Score(gold, predicted, i => selected(gold[i]));

    public double VerdictAgreement => trueOrFalse == 0 ? 0 : (double)Decided / trueOrFalse;

    private int Decided => Verdict.Count("true", "true") + Verdict.Count("false", "false");

    public override string ToString()
    {
        var (p, r, f) = BCubed.Score(gold, predicted);
        var sb = new StringBuilder();
        sb.AppendLine(
            CultureInfo.InvariantCulture,
            $"{name}: {rumours} rumours, {gold.Count} articles; {joinedSeeds} rumour seeds joined an earlier claim");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  linking B-cubed: precision {p:0.000} recall {r:0.000} F1 {f:0.000}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  stance accuracy {Stance.Accuracy:0.000} over all articles; " +
            $"{LinkedStance.Accuracy:0.000} over the {LinkedStance.Total} linked to their rumour's claim");
        sb.AppendLine(
            CultureInfo.InvariantCulture,
            $"  final status vs verdict on true/false rumours {VerdictAgreement:0.000} ({Decided}/{trueOrFalse})");
        sb.AppendLine("  where the articles went (count, stance accuracy there):");
        foreach (var (outcome, count) in outcomes)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"    {outcome,-17} {count,5}  {stanceByOutcome[outcome].Accuracy:0.000}");
        }

        return sb.ToString();
    }
}
