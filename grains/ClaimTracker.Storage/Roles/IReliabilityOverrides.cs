namespace ClaimTracker.Storage;

/// <summary>
/// Analysts' overrides of a source's reliability grade, on the record: appended, never changed; the latest row for a
/// source (actor and role) is the one in force, and an empty grade withdraws the override.
/// </summary>
public interface IReliabilityOverrides
{
    Task AppendReliabilityOverrideAsync(ReliabilityOverrideRow row);

    /// <summary>Every override ever recorded, oldest first.</summary>
    Task<IReadOnlyList<ReliabilityOverrideRow>> ReadReliabilityOverridesAsync(CancellationToken cancellationToken = default);
}

/// <param name="Role">"origin" or "outlet".</param>
/// <param name="Grade">A–F, or empty when the override is withdrawn.</param>
public sealed record ReliabilityOverrideRow(
    string ActorId, string Role, string Grade, string Reason, string Analyst, DateTimeOffset RecordedAt);
