using System.Runtime.CompilerServices;
using ClaimTracker.Grains.Journal;

namespace ClaimTracker.Grains.Feed;

/// <summary>An entry of the claim feed at its global position.</summary>
public sealed class FeedEvent
{
    private readonly ClaimChange? change;
    private readonly byte[]? payload;
    private readonly PayloadSerializer? serializer;
    private readonly IFeedEventEncoder? encoder;

    // Decoded and encoded on first use, which a silo without watchers never makes: every append's entry
    // is read back and cached, and decoding it (a summary of some fifty objects) and encoding it for
    // the wire cost more than the append itself. Computing either twice in a race gives equal values.
    private StrongBox<FeedEventKey>? key;
    private byte[]? encoded;

    public FeedEvent(long position, ClaimChange change)
    {
        Position = position;
        key = new StrongBox<FeedEventKey>(FeedEventKey.Of(change.Claim));
        this.change = change;
    }

    /// <summary>
    /// An entry with a wire form keeps its stored payload instead of the decoded change: the feed holds
    /// its newest entries for seconds and all watchers share them, and two flat arrays cost the GC
    /// little to trace and promote where the decoded change is a graph of some fifty objects.
    /// </summary>
    internal FeedEvent(long position, byte[] payload, PayloadSerializer serializer, IFeedEventEncoder encoder)
    {
        Position = position;
        this.payload = payload;
        this.serializer = serializer;
        this.encoder = encoder;
    }

    public long Position { get; }

    /// <summary>What watch filters select on.</summary>
    public FeedEventKey Key
    {
        get
        {
            var known = Volatile.Read(ref key);
            if (known is null)
            {
                known = new StrongBox<FeedEventKey>(FeedEventKey.Of(Change.Claim));
                Volatile.Write(ref key, known);
            }

            return known.Value;
        }
    }

    /// <summary>The change (decoded again on every access when the entry has a wire form).</summary>
    public ClaimChange Change => change ?? serializer!.Deserialize<ClaimChange>(FeedPayload.Unpack(payload!));

    /// <summary>The entry in the silo's wire form (see <see cref="IFeedEventEncoder"/>); null when none is registered.</summary>
    public byte[]? Encoded
    {
        get
        {
            if (encoder is null)
            {
                return null;
            }

            var known = Volatile.Read(ref encoded);
            if (known is null)
            {
                known = encoder.Encode(Position, Change);
                Volatile.Write(ref encoded, known);
            }

            return known;
        }
    }
}
