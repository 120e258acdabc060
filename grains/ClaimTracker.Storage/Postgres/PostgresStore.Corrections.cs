namespace ClaimTracker.Storage.Postgres;

public sealed partial class PostgresStore
{
    public override Task<bool> RecordCorrectionAsync(StoredCorrection correction) =>
        groupCommit.WriteAsync(batch =>
        {
            var insert = Add(batch, """
                INSERT INTO corrections (correction_id, analyst, recorded_at, subjects, payload)
                VALUES (@id, @analyst, @at, @subjects, @payload)
                ON CONFLICT (correction_id) DO NOTHING
                """);
            insert.Parameters.AddWithValue("id", correction.CorrectionId);
            insert.Parameters.AddWithValue("analyst", correction.Analyst);
            insert.Parameters.AddWithValue("at", StoredTime(correction.RecordedAt));
            insert.Parameters.AddWithValue("subjects", correction.SubjectColumn());
            insert.Parameters.AddWithValue("payload", correction.Payload);
            return () => insert.RecordsAffected > 0;
        });

    /// <summary>Pins made through another silo reach this one's resolves within a second.</summary>
    protected override TimeSpan PinRefreshInterval => TimeSpan.FromSeconds(1);

    protected override async Task WriteAliasPinAsync(string aliasKey, string actorId, string correctionId)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO actor_alias_pins (alias_key, actor_id, correction_id) VALUES (@key, @actor, @id) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("key", aliasKey);
        command.Parameters.AddWithValue("actor", actorId);
        command.Parameters.AddWithValue("id", correctionId);
        await command.ExecuteNonQueryAsync();
    }
}
