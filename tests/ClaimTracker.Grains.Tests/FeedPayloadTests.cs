using ClaimTracker.Grains.Feed;
using ClaimTracker.Grains.Journal;
using ClaimTracker.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.Grains.Tests;

/// <summary>Claim feed entries are stored compressed, and entries stored before, uncompressed, still read.</summary>
public sealed class FeedPayloadTests
{
    [Fact]
    public async Task A_claims_feed_entries_are_stored_compressed_and_read_back_whole()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var services = cluster.Cluster.Silos[0].ServiceProvider;
        var serializer = services.GetRequiredService<PayloadSerializer>();
        for (var i = 0; i < 8; i++)
        {
            var source = $"Outlet number {i} of the coast";
            await cluster.Grains.GetGrain<IReportGrain>($"feed-{i}").Register(
                Statements.Report($"feed-{i}", source, $"Harbour authority spokesperson {i}", "The harbour will close on Friday"));
        }

        var rows = await services.GetRequiredService<IClaimFeedLog>().ReadFeedAsync(0, 100);

        Assert.NotEmpty(rows);
        var last = rows[^1];
        Assert.Equal(FeedPayload.ZLib, last.Payload[0]);
        var serialized = FeedPayload.Unpack(last.Payload);
        Assert.True(last.Payload.Length < serialized.Length, $"{last.Payload.Length} bytes stored for {serialized.Length}");
        var change = serializer.Deserialize<ClaimChange>(serialized);
        Assert.Equal(last.ClaimId, change.Claim.ClaimId);
        Assert.Equal(8, change.Claim.StatementCount);
        Assert.Equal(serialized, serializer.Serialize(change));
    }

    [Fact]
    public async Task An_entry_stored_uncompressed_reads_as_it_is_and_never_looks_compressed()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var serializer = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<PayloadSerializer>();
        var change = new ClaimChange
        {
            Kind = ClaimChangeKind.ClaimCreated, Claim = new ClaimSummary { ClaimId = "c-old", Text = "The dam was opened" },
        };

        var stored = serializer.Serialize(change);

        Assert.NotEqual(FeedPayload.ZLib, stored[0]);
        Assert.NotEqual(FeedPayload.Brotli, stored[0]);
        Assert.Same(stored, FeedPayload.Unpack(stored));
        Assert.Equal("c-old", serializer.Deserialize<ClaimChange>(FeedPayload.Unpack(stored)).Claim.ClaimId);
    }

    [Fact]
    public void An_entry_compression_would_not_shrink_is_stored_as_it_is()
    {
        byte[] tiny = [0x20, 1, 2, 3];
        var random = new byte[600];
        new Random(7).NextBytes(random);

        Assert.Same(tiny, FeedPayload.Pack(tiny));
        Assert.Same(random, FeedPayload.Pack(random));
        Assert.Empty(FeedPayload.Pack([]));
        foreach (var size in new[] { 6, 100, 4_096, 70_000, 1_000_000 })
        {
            var noise = new byte[size];
            new Random(size).NextBytes(noise);
            Assert.Same(noise, FeedPayload.Pack(noise));
        }
    }

    [Fact]
    public void A_damaged_compressed_entry_is_refused_with_a_clear_error()
    {
        var text = string.Concat(Enumerable.Repeat("supported by 3 independent origins; ", 20));
        var packed = FeedPayload.Pack(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(FeedPayload.ZLib, packed[0]);

        // Any one byte of the stream changed: a wrong checksum, a wrong length or no stream at all, never other bytes.
        for (var i = 5; i < packed.Length; i++)
        {
            var damaged = packed.ToArray();
            damaged[i] ^= 0x5A;
            var error = Assert.Throws<InvalidDataException>(() => FeedPayload.Unpack(damaged));
            Assert.Contains("does not decompress", error.Message, StringComparison.Ordinal);
        }

        var cut = packed[..^3];
        Assert.Throws<InvalidDataException>(() => FeedPayload.Unpack(cut));
    }

    [Fact]
    public void An_entry_stored_with_Brotli_still_reads()
    {
        var serialized = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("origin Reuters; reason: states it; ", 30)));
        var stream = new byte[serialized.Length];
        Assert.True(System.IO.Compression.BrotliEncoder.TryCompress(serialized, stream, out var written, quality: 1, window: 22));
        var stored = new byte[5 + written];
        stored[0] = FeedPayload.Brotli;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(stored.AsSpan(1), serialized.Length);
        stream.AsSpan(0, written).CopyTo(stored.AsSpan(5));

        Assert.Equal(serialized, FeedPayload.Unpack(stored));
        stored[^1] ^= 0xFF;
        stored[^2] ^= 0xFF;
        Assert.Throws<InvalidDataException>(() => FeedPayload.Unpack(stored));
    }
}
