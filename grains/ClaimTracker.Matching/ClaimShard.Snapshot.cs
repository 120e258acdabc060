using System.Runtime.InteropServices;

namespace ClaimTracker.Matching;

/// <summary>The shard's part of the claim index's snapshot file: written while searches go on, read into an empty shard.</summary>
internal sealed partial class ClaimShard
{
    /// <summary>
    /// Writes the shard as its snapshot reads back: per phrasing its claim id, text, int8 codes, scale and length, then its
    /// list under <paramref name="centroids"/> (when the shard is assigned to those), then the postings.
    /// </summary>
    public void WriteTo(BinaryWriter writer, CoarseQuantizer? centroids)
    {
        gate.EnterReadLock();
        try
        {
            writer.Write(claims.Count);
            for (var doc = 0; doc < claims.Count; doc++)
            {
                var block = blocks[doc / BlockClaims];
                writer.Write(claims[doc].ClaimId);
                writer.Write(claims[doc].Text);
                writer.Write(block.ScaleOf(doc % BlockClaims));
                writer.Write(MemoryMarshal.AsBytes(block.CodesOf(doc % BlockClaims)));
                writer.Write(lengths[doc]);
            }

            var withLists = centroids is not null && ReferenceEquals(centroids, quantizer);
            writer.Write(withLists);
            if (withLists)
            {
                var listOf = new int[claims.Count];
                for (var l = 0; l < lists.Length; l++)
                {
                    foreach (var doc in lists[l])
                    {
                        listOf[doc] = l;
                    }
                }

                foreach (var l in listOf)
                {
                    writer.Write(l);
                }
            }

            writer.Write(postings.Count);
            foreach (var (term, list) in postings)
            {
                writer.Write(term);
                writer.Write(list.Count);
                foreach (var posting in list)
                {
                    writer.Write(posting.Document);
                    writer.Write(posting.TermFrequency);
                }
            }
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>Reads what <see cref="WriteTo"/> wrote into this empty shard; phrasings without lists are assigned to
    /// <paramref name="centroids"/>.</summary>
    /// <returns>The distinct claims read.</returns>
    public int ReadFrom(BinaryReader reader, CoarseQuantizer? centroids)
    {
        gate.EnterWriteLock();
        try
        {
            if (claims.Count > 0)
            {
                throw new InvalidOperationException("A snapshot is read only into an empty index.");
            }

            var documents = reader.ReadInt32();
            var codes = new byte[dimensions];
            for (var doc = 0; doc < documents; doc++)
            {
                var claim = new StoredClaim(reader.ReadString(), reader.ReadString(), null, null);
                var scale = reader.ReadSingle();
                reader.BaseStream.ReadExactly(codes);
                var length = reader.ReadInt32();
                if (!phrasings.Add((claim.ClaimId, claim.Text)))
                {
                    throw new InvalidDataException($"The snapshot holds the phrasing \"{claim.Text}\" of {claim.ClaimId} twice.");
                }

                var isNewClaim = !phrasingsByClaim.TryGetValue(claim.ClaimId, out var known);
                phrasingsByClaim[claim.ClaimId] = isNewClaim ? (doc, 1) : (known.First, known.Count + 1);
                claim.FirstPhrasing = isNewClaim ? doc : known.First;
                claims.Add(claim);
                if (doc % BlockClaims == 0)
                {
                    blocks.Add(new QuantizedBlock(BlockClaims, dimensions));
                }

                blocks[doc / BlockClaims].StoreCodes(doc % BlockClaims, MemoryMarshal.Cast<byte, sbyte>(codes), scale);
                lengths.Add(length);
                totalLength += length;
            }

            if (reader.ReadBoolean())
            {
                var listOf = new int[documents];
                for (var doc = 0; doc < documents; doc++)
                {
                    listOf[doc] = reader.ReadInt32();
                }

                if (centroids is not null)
                {
                    UseLists(centroids, listOf);
                }
            }

            var terms = reader.ReadInt32();
            postings.EnsureCapacity(terms);
            for (var t = 0; t < terms; t++)
            {
                var term = reader.ReadString();
                var count = reader.ReadInt32();
                var list = new List<Posting>(count);
                for (var i = 0; i < count; i++)
                {
                    list.Add(new Posting(reader.ReadInt32(), reader.ReadInt32()));
                }

                postings[term] = list;
            }

            return phrasingsByClaim.Count;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }
}
