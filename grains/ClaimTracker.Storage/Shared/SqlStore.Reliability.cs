using System.Globalization;

namespace ClaimTracker.Storage;

public abstract partial class SqlStore : IReliabilityOverrides
{
    private const string ReadReliabilityOverridesSql =
        "SELECT actor_id, role, grade, reason, analyst, recorded_at FROM reliability_overrides ORDER BY seq";

    /// <summary>The insert both dialects accept; recorded_at is stored as round-trip text.</summary>
    protected const string InsertReliabilityOverrideSql = """
        INSERT INTO reliability_overrides (actor_id, role, grade, reason, analyst, recorded_at)
        VALUES (@actor, @role, @grade, @reason, @analyst, @at)
        """;

    public abstract Task AppendReliabilityOverrideAsync(ReliabilityOverrideRow row);

    public Task<IReadOnlyList<ReliabilityOverrideRow>> ReadReliabilityOverridesAsync(CancellationToken cancellationToken = default) =>
        ReadRowsAsync(
            ReadReliabilityOverridesSql,
            [],
            reader => new ReliabilityOverrideRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)),
            cancellationToken);

    protected static (string Name, object Value)[] ReliabilityOverrideParameters(ReliabilityOverrideRow row) =>
    [
        ("@actor", row.ActorId),
        ("@role", row.Role),
        ("@grade", row.Grade),
        ("@reason", row.Reason),
        ("@analyst", row.Analyst),
        ("@at", row.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
    ];
}
