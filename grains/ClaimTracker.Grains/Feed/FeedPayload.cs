using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace ClaimTracker.Grains.Feed;

/// <summary>
/// A claim feed entry as stored: the serialized change, compressed when that makes it smaller. An entry holds the claim's
/// summary as it stood, whose reasons and origin lists repeat the same names, and the feed is half of what a store grows by.
/// A compressed entry is a marker (<see cref="ZLib"/>, or <see cref="Brotli"/> in entries written for a few hours on
/// 2026-12-07), the serialized length (4 bytes, little-endian), then the compressed stream; any other entry is the serialized
/// change itself, as every entry stored before 2026-12-07 is. A serialized change never starts with a marker: it opens with
/// its object's field header (0x20).
/// </summary>
public static class FeedPayload
{
    /// <summary>A zlib stream (Deflate at its fastest level, and an Adler-32 checksum that finds a damaged entry): what
    /// <see cref="Pack"/> writes. It compresses a claim's summary about as well as Brotli at quality 1, in half the time.</summary>
    public const byte ZLib = 0x03;

    /// <summary>A Brotli stream at quality 1: what entries held before zlib; still read.</summary>
    public const byte Brotli = 0x02;

    private const int HeaderBytes = 5;

    /// <summary>No entry is larger: a claim's summary lists a bounded number of origins and reasons.</summary>
    private const int MaxLength = 64 * 1024 * 1024;

    public static byte[] Pack(byte[] serialized)
    {
        ArgumentNullException.ThrowIfNull(serialized);
        if (serialized.Length <= HeaderBytes)
        {
            return serialized;
        }

        // Only a result smaller than the entry is kept. Deflate at its fastest level may code what it cannot shrink with fixed
        // codes, 9 bits a byte at worst, so the room is a quarter more; should it still run out, the entry stays as it is.
        var buffer = ArrayPool<byte>.Shared.Rent(HeaderBytes + serialized.Length + (serialized.Length / 4) + 64);
        try
        {
            int written;
            try
            {
                using var output = new MemoryStream(buffer, HeaderBytes, buffer.Length - HeaderBytes);
                using (var deflate = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
                {
                    deflate.Write(serialized);
                }

                written = (int)output.Position;
            }
            catch (NotSupportedException)
            {
                return serialized; // the fixed-size output was full: larger than the entry anyway
            }

            if (HeaderBytes + written >= serialized.Length)
            {
                return serialized;
            }

            var packed = new byte[HeaderBytes + written];
            packed[0] = ZLib;
            BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(1), serialized.Length);
            buffer.AsSpan(HeaderBytes, written).CopyTo(packed.AsSpan(HeaderBytes));
            return packed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static byte[] Unpack(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Length < HeaderBytes || stored[0] is not (ZLib or Brotli))
        {
            return stored;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(stored.AsSpan(1));
        var serialized = length is >= 0 and <= MaxLength ? new byte[length] : null;
        if (serialized is null || !(stored[0] == ZLib ? Inflate(stored, serialized) : Unbrotli(stored, serialized)))
        {
            throw new InvalidDataException($"a claim feed entry of {stored.Length} bytes does not decompress to its {length} bytes");
        }

        return serialized;
    }

    private static bool Unbrotli(byte[] stored, byte[] serialized) =>
        BrotliDecoder.TryDecompress(stored.AsSpan(HeaderBytes), serialized, out var written) && written == serialized.Length;

    /// <summary>Whether the stream inflates to exactly <paramref name="serialized"/>'s length, no byte more, and ends with
    /// their checksum. (An inflater that runs out of input stops without an error, so a cut stream is told by its last four
    /// bytes, which are then not the checksum.)</summary>
    private static bool Inflate(byte[] stored, byte[] serialized)
    {
        try
        {
            using var input = new MemoryStream(stored, HeaderBytes, stored.Length - HeaderBytes, writable: false);
            using var inflate = new ZLibStream(input, CompressionMode.Decompress);
            inflate.ReadExactly(serialized);
            Span<byte> beyond = stackalloc byte[1];
            return inflate.Read(beyond) == 0
                && stored.Length >= HeaderBytes + 6
                && BinaryPrimitives.ReadUInt32BigEndian(stored.AsSpan(stored.Length - 4)) == Adler32(serialized);
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException)
        {
            return false;
        }
    }

    /// <summary>zlib's checksum (RFC 1950): two sums modulo 65,521, folded at most every 5,552 bytes so that they never
    /// overflow.</summary>
    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65_521;
        uint a = 1, b = 0;
        while (!data.IsEmpty)
        {
            var block = data[..Math.Min(5_552, data.Length)];
            foreach (var value in block)
            {
                a += value;
                b += a;
            }

            a %= Modulus;
            b %= Modulus;
            data = data[block.Length..];
        }

        return (b << 16) | a;
    }
}
