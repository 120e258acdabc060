namespace ClaimTracker.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public override Task<bool> RecordCorrectionAsync(StoredCorrection correction) =>
        WriteAsync(scope => scope.Execute("""
            INSERT INTO corrections (correction_id, analyst, recorded_at, subjects, payload)
            VALUES ($id, $analyst, $at, $subjects, $payload)
            ON CONFLICT (correction_id) DO NOTHING
            """,
            ("$id", correction.CorrectionId), ("$analyst", correction.Analyst), ("$at", StoredTime(correction.RecordedAt)),
            ("$subjects", correction.SubjectColumn()), ("$payload", correction.Payload)) > 0);

    /// <summary>One process: its copy of the pins is refreshed by its own writes, so it is read once.</summary>
    protected override TimeSpan PinRefreshInterval => Timeout.InfiniteTimeSpan;

    protected override Task WriteAliasPinAsync(string aliasKey, string actorId, string correctionId) =>
        WriteAsync(scope =>
        {
            scope.Execute(
                "INSERT INTO actor_alias_pins (alias_key, actor_id, correction_id) VALUES ($key, $actor, $id) ON CONFLICT DO NOTHING",
                ("$key", aliasKey), ("$actor", actorId), ("$id", correctionId));
            return true;
        });
}
