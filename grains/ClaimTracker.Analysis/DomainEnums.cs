namespace ClaimTracker.Analysis;

/// <summary>How a statement relates to the claim it is linked to.</summary>
public enum Stance
{
    Unspecified = 0,
    Supports = 1,
    Contradicts = 2,
    /// <summary>Repeats the claim without endorsing it ("reportedly", "claims that").</summary>
    Observing = 3,
    /// <summary>Asks whether the claim is true.</summary>
    Queries = 4,
}

/// <summary>How firmly a statement is made.</summary>
public enum Modality
{
    Unspecified = 0,
    Asserted = 1,
    /// <summary>May, might, could, expected, likely, reportedly.</summary>
    Hedged = 2,
}

/// <summary>Where the weight of independent origins lies for one claim.</summary>
public enum CorroborationStatus
{
    Unspecified = 0,
    /// <summary>One independent origin supports, none contradicts.</summary>
    Uncorroborated = 1,
    /// <summary>Two or more independent origins support, none contradicts.</summary>
    Corroborated = 2,
    /// <summary>Independent origins on both sides.</summary>
    Contested = 3,
    /// <summary>Only contradicting origins.</summary>
    Contradicted = 4,
    /// <summary>A newer claim replaces this one (an analyst's SUPERSEDES relation).</summary>
    Superseded = 5,
}

public enum ActorKind
{
    Unspecified = 0,
    Person = 1,
    Organization = 2,
    Outlet = 3,
    Government = 4,
}
