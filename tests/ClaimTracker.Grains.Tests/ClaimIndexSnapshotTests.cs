using ClaimTracker.Grains.Linking;
using ClaimTracker.Matching;
using ClaimTracker.Storage;
using ClaimTracker.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ClaimTracker.Grains.Tests;

/// <summary>The linker's replica saved to its snapshot file and loaded from it, over a real SQLite index log.</summary>
public sealed class ClaimIndexSnapshotTests
{
    private const int Dims = 384;

    [Fact]
    public async Task A_restarted_replica_loads_its_snapshot_then_reads_only_newer_log_entries_and_ignores_another_databases()
    {
        var directory = TestSupport.TestDirectories.Create("claimtracker-snapshot-");
        try
        {
            var snapshot = Path.Combine(directory, "claim-index.snapshot");
            var encoder = new AxisEncoder();
            await using var store = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = directory }));
            await store.AddClaimIndexEntriesAsync(Enumerable.Range(0, 300).Select(i => Entry(i, encoder)).ToList());

            using (var first = Linker(store, snapshot, encoder))
            {
                var found = await first.SearchAsync(AxisEncoder.Text(7), limit: 1);
                Assert.Equal("c-7", found.Hits[0].ClaimId);
                Assert.False(first.SnapshotState.Restored);
            } // waits for the snapshot being written

            Assert.True(File.Exists(snapshot));
            await store.AddClaimIndexEntriesAsync([Entry(300, encoder)]);
            using (var restarted = Linker(store, snapshot, encoder))
            {
                var newer = await restarted.SearchAsync(AxisEncoder.Text(300), limit: 1);
                var older = await restarted.SearchAsync(AxisEncoder.Text(12), limit: 1);

                Assert.True(restarted.SnapshotState.Restored);
                Assert.Equal((await store.ReadClaimIndexAsync(0, 300))[^1].Position, restarted.SnapshotState.Position);
                Assert.Equal("c-300", newer.Hits[0].ClaimId);
                Assert.Equal("c-12", older.Hits[0].ClaimId);
                Assert.Contains("Odesa", older.Hits[0].Explanation, StringComparison.Ordinal); // entities read from the text
            }

            // A snapshot of another database: the log does not hold its last entry at its position, so it is not read.
            var other = TestSupport.TestDirectories.Create("claimtracker-snapshot-other-");
            await using var otherStore = new SqliteStore(Options.Create(new StorageOptions { DataDirectory = other }));
            await otherStore.AddClaimIndexEntriesAsync(Enumerable.Range(500, 400).Select(i => Entry(i, encoder)).ToList());
            using (var elsewhere = Linker(otherStore, snapshot, encoder))
            {
                var found = await elsewhere.SearchAsync(AxisEncoder.Text(7), limit: 3);

                Assert.False(elsewhere.SnapshotState.Restored);
                Assert.DoesNotContain(found.Hits, hit => hit.ClaimId == "c-7");
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(other, recursive: true);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ClaimIndexEntry Entry(int i, AxisEncoder encoder) =>
        new($"c-{i}", AxisEncoder.Text(i), encoder.Encode([AxisEncoder.Text(i)])[0]);

    private static ClaimLinker Linker(IClaimIndexLog log, string snapshot, ISentenceEncoder encoder) =>
        new(log, Options.Create(new MatchingOptions { IndexSnapshotPath = snapshot, IndexSnapshotEvery = 100 }), () => encoder);

    /// <summary>Text i is "Officials in Odesa reported incident i", encoded as a unit vector of its own.</summary>
    private sealed class AxisEncoder : ISentenceEncoder
    {
        public int Dimensions => Dims;

        public static string Text(int i) => $"Officials in Odesa reported incident {i}";

        public float[][] Encode(IReadOnlyList<string> texts) => texts.Select(text =>
        {
            var i = int.Parse(text[(text.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var vector = new float[Dims];
            vector[i % Dims] = 1;
            vector[(i / Dims) + 1 % Dims] += 0.5f;
            return VectorMath.Normalized(vector);
        }).ToArray();
    }
}
