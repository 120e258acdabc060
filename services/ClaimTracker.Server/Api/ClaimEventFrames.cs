using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using ClaimTracker.Grains;
using ClaimTracker.Grains.Feed;
using Google.Protobuf;

namespace ClaimTracker.Server.Api;

/// <summary>
/// Feed entries as gRPC messages on the wire: each entry is mapped and encoded once per silo, with
/// its 5-byte length prefix, when the feed reads it (<see cref="IFeedEventEncoder"/>). Every watcher
/// then copies those bytes into its response body: no protobuf object or serialization per watcher,
/// and what the feed keeps of an entry is one array with no references for the GC to trace.
/// </summary>
internal sealed class ClaimEventFrames : IFeedEventEncoder
{
    private const int PrefixLength = 5;

    public byte[] Encode(long position, ClaimChange change)
    {
        var message = ProtoMapper.ToProto(position, change);
        var length = message.CalculateSize();
        var frame = new byte[PrefixLength + length];

        // Length-Prefixed-Message of the gRPC over HTTP/2 protocol: not compressed, big-endian length.
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)length);
        message.WriteTo(frame.AsSpan(PrefixLength));
        return frame;
    }

    /// <summary>Copies the frames into <paramref name="body"/> and flushes once; false when the client has gone.</summary>
    public static async ValueTask<bool> WriteAsync(PipeWriter body, IReadOnlyList<FeedEvent> batch, CancellationToken cancellation)
    {
        foreach (var feedEvent in batch)
        {
            body.Write(feedEvent.Encoded
                ?? throw new InvalidOperationException("the feed has no encoder: register ClaimEventFrames as its IFeedEventEncoder"));
        }

        var flushed = await body.FlushAsync(cancellation);
        return !flushed.IsCompleted;
    }
}
