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
}
