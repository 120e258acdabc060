using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Stix;

/// <summary>How ClaimTracker's values map onto STIX 2.1 vocabularies and scales.</summary>
public static class StixMappings
{
    /// <summary>
    /// STIX <c>confidence</c> (0–100) for a NATO/Admiralty information-credibility grade, by the
    /// "Admiralty Credibility" scale of STIX 2.1 Appendix A: 1 confirmed → 90, 2 probably true → 70,
    /// 3 possibly true → 50, 4 doubtful → 30, 5 improbable → 10. Grade 6 (truth cannot be judged) has
    /// no confidence value on that scale, so the property is left out (null here).
    /// </summary>
    public static int? Confidence(int admiraltyCredibility) => admiraltyCredibility switch
    {
        1 => 90,
        2 => 70,
        3 => 50,
        4 => 30,
        5 => 10,
        _ => null,
    };

    /// <summary>
    /// The STIX <c>opinion-enum</c> value for a statement's stance toward its claim: a firm (asserted)
    /// statement agrees or disagrees strongly, a hedged one ("may", "could") plainly; statements that
    /// only report the claim (OBSERVING) or question it (QUERIES) take no side: neutral.
    /// </summary>
    public static string Opinion(V1.Stance stance, V1.Modality modality) => (stance, modality) switch
    {
        (V1.Stance.Supports, V1.Modality.Hedged) => "agree",
        (V1.Stance.Supports, _) => "strongly-agree",
        (V1.Stance.Contradicts, V1.Modality.Hedged) => "disagree",
        (V1.Stance.Contradicts, _) => "strongly-disagree",
        _ => "neutral",
    };

    /// <summary>STIX <c>identity-class-ov</c> for an actor kind: people are individuals; organisations, outlets and government bodies are
    /// organizations.</summary>
    public static string IdentityClass(V1.ActorKind kind) => kind switch
    {
        V1.ActorKind.Person => "individual",
        V1.ActorKind.Organization or V1.ActorKind.Outlet or V1.ActorKind.Government => "organization",
        _ => "unknown",
    };

    /// <summary>Free-text <c>roles</c> (STIX defines no vocabulary for them) that say what kind of organisation an actor is.</summary>
    public static IReadOnlyList<string> Roles(V1.ActorKind kind) => kind switch
    {
        V1.ActorKind.Outlet => ["news outlet"],
        V1.ActorKind.Government => ["government body"],
        _ => [],
    };

    /// <summary><c>industry-sector-ov</c> values where the kind implies one.</summary>
    public static IReadOnlyList<string> Sectors(V1.ActorKind kind) => kind switch
    {
        V1.ActorKind.Government => ["government"],
        _ => [],
    };

    /// <summary>Lower-case, hyphenated label for an enum value name, e.g. UNCORROBORATED → "uncorroborated".</summary>
    internal static string Label(string prefix, string value) => prefix + "-" + value.ToLowerInvariant();
}
