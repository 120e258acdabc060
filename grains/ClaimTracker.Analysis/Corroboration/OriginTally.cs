namespace ClaimTracker.Analysis.Corroboration;

/// <summary>
/// Everything one origin has said about one claim, folded into counts. Names and ids recur across
/// many claims, so they are interned: every claim quoting one outlet shares one string. Positions go by
/// publication time, not arrival: the statement published last is the origin's word, whatever order the
/// reports came in (arrival order breaks ties), so the tally is the same for any arrival order.
/// </summary>
internal sealed class OriginTally
{
    private const int MaxCarriersKept = 8;
    private string[] carriers = [];

    // When each position below was published, in UTC ticks (half a DateTimeOffset; every active claim keeps a tally per
    // origin): a statement published earlier does not displace it.
    private long firmAt;
    private long hedgedAt;
    private long contradictionWhyAt;
    private long lowConfidenceAt;

    // Which firm stances the origin ever took (a flag per stance): both means it reversed at some point.
    private bool firmlySupported;
    private bool firmlyContradicted;

    public OriginTally(string id, string name)
    {
        Id = string.Intern(id);
        Name = string.Intern(name);
    }

    public string Id { get; }

    public string Name { get; }

    public int Statements { get; private set; }

    public int Observing { get; private set; }

    public int Queries { get; private set; }

    /// <summary>Number of distinct carriers beyond those kept in <see cref="Carriers"/>.</summary>
    public int MoreCarriers { get; private set; }

    public IReadOnlyList<string> Carriers => carriers;

    /// <summary>The latest asserted support or contradiction by publication time: an origin's last firm word is its position.</summary>
    public Stance FirmPosition { get; private set; }

    /// <summary>The latest hedged support or contradiction, used only when there is no firm one.</summary>
    public Stance HedgedPosition { get; private set; }

    /// <summary>True when the origin's firm position flipped at least once (a retraction or a reversal).</summary>
    public bool Reversed => firmlySupported && firmlyContradicted;

    /// <summary>Why the origin's latest firm contradiction contradicts, when known.</summary>
    public string ContradictionWhy { get; private set; } = string.Empty;

    public Stance CountedPosition => FirmPosition;

    /// <summary>Supports and contradictions whose model confidence was under the floor: not counted.</summary>
    public int LowConfidence { get; private set; }

    /// <summary>The latest such stance and its confidence, to name in the reasons.</summary>
    public (Stance Stance, float Confidence) LatestLowConfidence { get; private set; }

    public OriginTally Clone()
    {
        var copy = new OriginTally(Id, Name)
        {
            Statements = Statements,
            Observing = Observing,
            Queries = Queries,
            MoreCarriers = MoreCarriers,
            FirmPosition = FirmPosition,
            HedgedPosition = HedgedPosition,
            ContradictionWhy = ContradictionWhy,
            LowConfidence = LowConfidence,
            LatestLowConfidence = LatestLowConfidence,
            firmAt = firmAt,
            hedgedAt = hedgedAt,
            contradictionWhyAt = contradictionWhyAt,
            lowConfidenceAt = lowConfidenceAt,
            firmlySupported = firmlySupported,
            firmlyContradicted = firmlyContradicted,
        };
        copy.carriers = carriers;
        return copy;
    }

    /// <param name="confidenceFloor">A support or contradiction the model judged (confidence &gt; 0) below this is not counted.</param>
    public void Add(Evidence evidence, double confidenceFloor)
    {
        Statements++;
        AddCarrier(evidence.CarrierName);
        var at = evidence.PublishedAt.UtcTicks;
        var firm = evidence.Stance is Stance.Supports or Stance.Contradicts;
        if (firm && evidence.Confidence > 0 && evidence.Confidence < confidenceFloor)
        {
            LowConfidence++;
            if (IsLatest(at, ref lowConfidenceAt, LowConfidence == 1))
            {
                LatestLowConfidence = (evidence.Stance, evidence.Confidence);
            }

            return;
        }

        switch (evidence.Stance)
        {
            case Stance.Observing:
                Observing++;
                break;
            case Stance.Queries:
                Queries++;
                break;
            case Stance.Supports or Stance.Contradicts when evidence.Modality == Modality.Hedged:
                if (IsLatest(at, ref hedgedAt, HedgedPosition == Stance.Unspecified))
                {
                    HedgedPosition = evidence.Stance;
                }

                break;
            case Stance.Supports or Stance.Contradicts:
                firmlySupported |= evidence.Stance == Stance.Supports;
                firmlyContradicted |= evidence.Stance == Stance.Contradicts;
                if (IsLatest(at, ref firmAt, FirmPosition == Stance.Unspecified))
                {
                    FirmPosition = evidence.Stance;
                }

                if (evidence.Stance == Stance.Contradicts && evidence.Why.Length > 0
                    && IsLatest(at, ref contradictionWhyAt, ContradictionWhy.Length == 0))
                {
                    ContradictionWhy = evidence.Why;
                }

                break;
        }
    }

    /// <summary>
    /// Whether a statement published at <paramref name="at"/> is the latest so far (ties go to the later arrival);
    /// if so, <paramref name="latest"/> moves to it.
    /// </summary>
    private static bool IsLatest(long at, ref long latest, bool first)
    {
        if (!first && at < latest)
        {
            return false;
        }

        latest = at;
        return true;
    }

    private void AddCarrier(string carrier)
    {
        if (carrier.Length == 0 || carriers.Contains(carrier, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        if (carriers.Length < MaxCarriersKept)
        {
            // Copied on write (a clone may share the array): at most eight, one string each.
            carriers = [.. carriers, string.Intern(carrier)];
        }
        else
        {
            MoreCarriers++;
        }
    }
}
