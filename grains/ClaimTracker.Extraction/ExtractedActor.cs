namespace ClaimTracker.Extraction;

/// <summary>What kind of speaker an actor looks like, judged from the article text alone.</summary>
public enum ActorKindHint
{
    Unknown,
    Person,
    Organization,
    Outlet,
    Government,
}

/// <summary>A person, organisation, government body, outlet or agency that says or carries something in the article.</summary>
/// <param name="Key">Unique within one <see cref="ExtractionResult"/>.</param>
/// <param name="Name">Canonical name ("Kim Jong Un"), without titles.</param>
/// <param name="Kind">Kind hint.</param>
/// <param name="Aliases">Every surface form seen in this text ("North Korean leader Kim Jong Un", "Kim").</param>
/// <param name="Role">Role or title ("spokesman", "analyst"), if stated.</param>
/// <param name="AffiliationKey">Key of the actor this one belongs to ("Kremlin" for its spokesman), if stated.</param>
public sealed record ExtractedActor(
    string Key,
    string Name,
    ActorKindHint Kind,
    IReadOnlyList<string> Aliases,
    string? Role,
    string? AffiliationKey);
