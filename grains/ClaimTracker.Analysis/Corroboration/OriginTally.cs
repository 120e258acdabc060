namespace ClaimTracker.Analysis.Corroboration;

/// <summary>
/// Everything one origin has said about one claim, folded into counts. Names and ids recur across
/// many claims, so they are interned: every claim quoting one outlet shares one string.
/// </summary>
internal sealed class OriginTally
{
    private const int MaxCarriersKept = 8;
    private string[] carriers = [];

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

    /// <summary>The latest asserted support or contradiction: an origin's last firm word is its position.</summary>
    public Stance FirmPosition { get; private set; }

    /// <summary>The latest hedged support or contradiction, used only when there is no firm one.</summary>
    public Stance HedgedPosition { get; private set; }

    /// <summary>True when the origin's firm position flipped at least once (a retraction or a reversal).</summary>
    public bool Reversed { get; private set; }

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
            Reversed = Reversed,
            ContradictionWhy = ContradictionWhy,
            LowConfidence = LowConfidence,
            LatestLowConfidence = LatestLowConfidence,
        };
        copy.carriers = carriers;
        return copy;
    }

    /// <param name="confidenceFloor">A support or contradiction the model judged (confidence &gt; 0) below this is not counted.</param>
    public void Add(Evidence evidence, double confidenceFloor)
    {
        Statements++;
        AddCarrier(evidence.CarrierName);
        var firm = evidence.Stance is Stance.Supports or Stance.Contradicts;
        if (firm && evidence.Confidence > 0 && evidence.Confidence < confidenceFloor)
        {
            LowConfidence++;
            LatestLowConfidence = (evidence.Stance, evidence.Confidence);
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
                HedgedPosition = evidence.Stance;
                break;
            case Stance.Supports or Stance.Contradicts:
                if (FirmPosition != Stance.Unspecified && FirmPosition != evidence.Stance)
                {
                    Reversed = true;
                }

                FirmPosition = evidence.Stance;
                if (evidence.Stance == Stance.Contradicts && evidence.Why.Length > 0)
                {
                    ContradictionWhy = evidence.Why;
                }

                break;
        }
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
