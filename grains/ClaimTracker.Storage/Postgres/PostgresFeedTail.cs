using Npgsql;
using NpgsqlTypes;

namespace ClaimTracker.Storage.Postgres;

/// <summary>
/// The feed rows of one group-commit transaction, inserted together as its last statement, right
/// before the commit. Positions come from the single-row <c>feed_head</c>, whose row lock orders them
/// by commit (see <see cref="PostgresStore"/>): taken last, the lock is held for this one statement and
/// the commit, not from a batch's first claim append to its end (the <c>feed-pg</c> benchmark measures
/// both). Writes add their rows while the batch writer runs them (one per transaction, used by one run at a time, so no
/// locking here); rows of writes that did not stand are left out.
/// </summary>
internal sealed class PostgresFeedTail
{
    private readonly List<(int Write, string ClaimId, byte[] Payload)> rows = [];

    /// <summary>The write whose rows <see cref="Add"/> records now; set by the batch writer before it runs the write.</summary>
    public int CurrentWrite { get; set; }

    public void Add(string claimId, IReadOnlyList<byte[]> payloads)
    {
        foreach (var payload in payloads)
        {
            rows.Add((CurrentWrite, claimId, payload));
        }
    }

    /// <summary>Forgets the rows of <paramref name="write"/> and after: those writes run again.</summary>
    public void DropFrom(int write) => rows.RemoveAll(row => row.Write >= write);

    /// <summary>
    /// Adds to <paramref name="batch"/> the insert of the rows of the writes that stand (in write order) and the
    /// NOTIFY that wakes every silo's feed; false (nothing added) when there are none.
    /// </summary>
    public bool AddTo(NpgsqlBatch batch, WriteOutcome[] outcomes)
    {
        var standing = rows.Where(row => outcomes[row.Write].Committed).ToArray();
        if (standing.Length == 0)
        {
            return false;
        }

        var insert = new NpgsqlBatchCommand("""
            WITH head AS (UPDATE feed_head SET position = position + @n WHERE id = 1 RETURNING position)
            INSERT INTO claim_feed (position, claim_id, payload)
            SELECT head.position - @n + e.ord, e.claim_id, e.payload
            FROM head, unnest(@claims, @payloads) WITH ORDINALITY AS e(claim_id, payload, ord)
            """);
        insert.Parameters.AddWithValue("n", (long)standing.Length);
        insert.Parameters.AddWithValue("claims", standing.Select(row => row.ClaimId).ToArray());
        var payloads = standing.Select(row => row.Payload).ToArray();
        insert.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = payloads });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("NOTIFY " + PostgresStore.FeedChannel));
        return true;
    }
}
