namespace ClaimTracker.Storage.Postgres;

public sealed partial class PostgresStore
{
    public override Task AppendReliabilityOverrideAsync(ReliabilityOverrideRow row) =>
        groupCommit.WriteAsync(batch =>
        {
            var insert = Add(batch, InsertReliabilityOverrideSql);
            foreach (var (name, value) in ReliabilityOverrideParameters(row))
            {
                insert.Parameters.AddWithValue(name.TrimStart('@'), value);
            }

            return () => true;
        });
}
