using ClaimTracker.Grains.Claims;

namespace ClaimTracker.Grains.History;

/// <summary>
/// Claim states part-way through their journals, kept by this silo as reads of the past replay them (one every
/// <see cref="Interval"/> statements), so that a later read of the same claim replays at most that many statements
/// from the nearest checkpoint before its point. A journal is append-only, so a checkpoint never goes stale. Bounded:
/// the claims read least recently are dropped past <see cref="MaxClaims"/>; a claim shorter than one interval
/// keeps none.
/// </summary>
internal sealed class ClaimCheckpoints
{
    public const int Interval = 256;
    public const int MaxClaims = 512;

    private readonly Dictionary<string, ClaimCheckpointList> claims = new(StringComparer.Ordinal);
    private readonly LinkedList<string> recency = new();
    private readonly Lock gate = new();

    /// <summary>The latest checkpoint of <paramref name="claimId"/> that is not past <paramref name="at"/>, or null.</summary>
    public ClaimCheckpoint? Before(string claimId, HistoryPoint at)
    {
        lock (gate)
        {
            if (!claims.TryGetValue(claimId, out var list))
            {
                return null;
            }

            recency.Remove(list.Recency);
            recency.AddFirst(list.Recency);
            ClaimCheckpoint? best = null;
            foreach (var checkpoint in list.Items)
            {
                if (at.IsPast(checkpoint.JournalVersion, checkpoint.RecordedAt))
                {
                    break;
                }

                best = checkpoint;
            }

            return best;
        }
    }

    /// <summary>Keeps a copy of <paramref name="state"/> after the statement at <paramref name="journalVersion"/> when it
    /// ends an interval and is not kept yet.</summary>
    public void Offer(string claimId, long journalVersion, DateTimeOffset recordedAt, ClaimState state)
    {
        if (state.Version % Interval != 0)
        {
            return;
        }

        lock (gate)
        {
            if (!claims.TryGetValue(claimId, out var list))
            {
                list = new ClaimCheckpointList(recency.AddFirst(claimId));
                claims[claimId] = list;
                if (claims.Count > MaxClaims)
                {
                    claims.Remove(recency.Last!.Value);
                    recency.RemoveLast();
                }
            }

            var index = list.Items.FindIndex(c => c.JournalVersion >= journalVersion);
            if (index >= 0 && list.Items[index].JournalVersion == journalVersion)
            {
                return;
            }

            var checkpoint = new ClaimCheckpoint(journalVersion, recordedAt, state.CheckpointCopy());
            list.Items.Insert(index < 0 ? list.Items.Count : index, checkpoint);
        }
    }

    private sealed record ClaimCheckpointList(LinkedListNode<string> Recency)
    {
        /// <summary>Oldest first.</summary>
        public List<ClaimCheckpoint> Items { get; } = [];
    }
}

/// <summary>A claim's state after the statement at <paramref name="JournalVersion"/>; copy it before applying more.</summary>
internal sealed record ClaimCheckpoint(long JournalVersion, DateTimeOffset RecordedAt, ClaimState State);
