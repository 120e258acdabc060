namespace ClaimTracker.Extraction.Actors;

/// <summary>An organisation named inside a speaker phrase ("… at the International Institute for Strategic Studies (IISS)").</summary>
internal sealed record AffiliationPhrase(string Name, string? Acronym, string Surface);

/// <summary>What a speaker phrase says about its actor, before it is resolved against the others.</summary>
internal sealed record ActorPhrase(
    string Surface,
    string Name,
    ActorKindHint Kind,
    string? Role,
    string? Acronym,
    AffiliationPhrase? Affiliation,
    string? Country,
    bool IsGeneric,
    string? Pronoun)
{
    public bool IsPronoun => Pronoun is not null;
}
