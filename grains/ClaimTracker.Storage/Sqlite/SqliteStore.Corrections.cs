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
}
