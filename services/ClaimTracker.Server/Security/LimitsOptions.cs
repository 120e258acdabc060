namespace ClaimTracker.Server.Security;

/// <summary>
/// What one caller may ask of the server; bound from "Limits". Report size limits (text bytes, statements) are under
/// "Ingest". A caller is its identity (API key name or JWT subject; everyone is "anonymous" on an open server).
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Largest request message, gRPC or HTTP/JSON body, in bytes.</summary>
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Longest search text (<c>query</c> of the list calls), in characters.</summary>
    public int MaxQueryChars { get; set; } = 1000;

    /// <summary>Streams (watches) one caller may hold open at once.</summary>
    public int MaxWatchesPerCaller { get; set; } = 32;

    /// <summary>Sustained writes (reports, corrections) per second per caller; 0 turns the write limit off.</summary>
    public int WritesPerSecond { get; set; } = 1000;

    /// <summary>Writes a caller may make at once above the sustained rate.</summary>
    public int WriteBurst { get; set; } = 2000;
}
