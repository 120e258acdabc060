namespace ClaimTracker.Storage;

/// <summary>The journal's stream names: one stream per claim and per actor, in one table.</summary>
internal static class JournalStreams
{
    public static string Claim(string claimId) => "claim/" + claimId;

    public static string Actor(string actorId) => "actor/" + actorId;
}
