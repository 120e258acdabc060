using System.Text;
using ClaimTracker.Matching;
using ClaimTracker.Storage;

namespace ClaimTracker.Grains.Linking;

/// <summary>
/// The replica's snapshot (<see cref="MatchingOptions.IndexSnapshotPath"/>): the index as <see cref="ClaimIndex.Save"/> writes it,
/// after the index-log position it holds and that position's entry. At the first refresh the replica reads it when the log
/// still has that entry at that position (otherwise it is a snapshot of another database, and the log is replayed), then
/// reads only the newer log entries. It is saved again in the background every <see cref="MatchingOptions.IndexSnapshotEvery"/>
/// entries read; the file is replaced whole, so a crash mid-write leaves the previous one.
/// </summary>
public sealed partial class ClaimLinker
{
    private const int SnapshotBuffer = 1 << 20;
    private ClaimIndexEntry? lastRead;
    private long snapshotPosition;
    private bool snapshotTried;
    private Task snapshotWrite = Task.CompletedTask;

    /// <summary>Whether this replica was loaded from its snapshot, and the log position it held.</summary>
    internal (bool Restored, long Position) SnapshotState { get; private set; }

    private ClaimIndex NewIndex() => new(ClaimIndex.DefaultShards, dimensions: 384, Bm25Parameters.Default, options.IndexOptions);

    /// <summary>The first refresh loads the snapshot into the (still empty) replica; the caller holds the refresh gate.</summary>
    private async Task RestoreSnapshotOnceAsync(CancellationToken cancellationToken)
    {
        if (snapshotTried)
        {
            return;
        }

        snapshotTried = true;
        var path = options.IndexSnapshotPath;
        if (string.IsNullOrEmpty(path) || !File.Exists(path) || position != 0)
        {
            return;
        }

        try
        {
            await using var file = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, SnapshotBuffer, FileOptions.SequentialScan);
            using var reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: true);
            var logPosition = reader.ReadInt64();
            var claimId = reader.ReadString();
            var text = reader.ReadString();
            var atPosition = await indexLog.ReadClaimIndexAsync(logPosition - 1, 1, cancellationToken);
            if (atPosition.Count != 1 || atPosition[0].Position != logPosition || atPosition[0].Entry.ClaimId != claimId
                || atPosition[0].Entry.Text != text)
            {
                return;
            }

            var restored = NewIndex();
            try
            {
                restored.Restore(file);
            }
            catch
            {
                restored.Dispose();
                throw;
            }

            index.Dispose();
            index = restored;
            position = logPosition;
            snapshotPosition = logPosition;
            SnapshotState = (true, logPosition);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // An unreadable snapshot costs only time: the replica replays the log instead.
        }
    }

    /// <summary>Starts saving the replica when enough entries were read since the last snapshot; the caller holds the refresh
    /// gate.</summary>
    private void SaveSnapshotWhenDue()
    {
        var path = options.IndexSnapshotPath;
        if (string.IsNullOrEmpty(path) || lastRead is null || position - snapshotPosition < options.IndexSnapshotEvery
            || !snapshotWrite.IsCompleted)
        {
            return;
        }

        var (savedPosition, last, replica) = (position, lastRead, index);
        snapshotPosition = position;
        snapshotWrite = Task.Run(() => SaveSnapshot(path, savedPosition, last, replica));
    }

    /// <summary>
    /// Writes the snapshot. Entries linked after <paramref name="savedPosition"/> may be in it too: reading them again from
    /// the log after a restore adds nothing, as adds of a stored phrasing do nothing.
    /// </summary>
    private static void SaveSnapshot(string path, long savedPosition, ClaimIndexEntry last, ClaimIndex replica)
    {
        var partial = path + ".partial";
        try
        {
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, SnapshotBuffer))
            {
                using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(savedPosition);
                    writer.Write(last.ClaimId);
                    writer.Write(last.Text);
                }

                replica.Save(file);
            }

            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a snapshot the next start replays the log: slower, not wrong.
            File.Delete(partial);
        }
    }

    /// <summary>Lets a snapshot being written finish before the replica is disposed.</summary>
    private void WaitForSnapshot() => snapshotWrite.Wait();
}
