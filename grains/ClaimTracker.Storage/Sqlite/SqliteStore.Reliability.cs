namespace ClaimTracker.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public override Task AppendReliabilityOverrideAsync(ReliabilityOverrideRow row) =>
        WriteAsync(scope =>
        {
            scope.Execute(InsertReliabilityOverrideSql, ReliabilityOverrideParameters(row));
            return true;
        });
}
