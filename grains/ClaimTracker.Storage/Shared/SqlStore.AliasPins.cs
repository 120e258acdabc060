using System.Data.Common;

namespace ClaimTracker.Storage;

/// <summary>Analysts' alias pins (docs/corrections.md, "Actors"): an append-only table, held in memory by every process.</summary>
public abstract partial class SqlStore
{
    private readonly AliasPins pins = new();

    /// <summary>How old this process's copy of the pins may get before a resolve reads the new ones: other processes pin too.</summary>
    protected abstract TimeSpan PinRefreshInterval { get; }

    public async Task PinAliasAsync(string aliasKey, string actorId, string correctionId)
    {
        await WriteAliasPinAsync(aliasKey, actorId, correctionId);
        await RefreshPinsAsync();
    }

    protected abstract Task WriteAliasPinAsync(string aliasKey, string actorId, string correctionId);

    /// <summary>The pinned actor of each candidate, or null where the alias directory decides.</summary>
    protected async Task<string?[]> PinnedActorsAsync(IReadOnlyList<ActorAliasCandidate> candidates)
    {
        if (pins.IsStale(PinRefreshInterval))
        {
            await RefreshPinsAsync();
        }

        return pins.Resolve(candidates);
    }

    private async Task RefreshPinsAsync()
    {
        await using var connection = await OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, alias_key, actor_id FROM actor_alias_pins WHERE seq > @after ORDER BY seq";
        command.AddParameter("@after", pins.LastSeq);
        var rows = new List<(long, string, string)>();
        await using (DbDataReader reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        pins.Apply(rows);
    }
}
