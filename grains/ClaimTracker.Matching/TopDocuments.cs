namespace ClaimTracker.Matching;

/// <summary>
/// The <c>k</c> highest-scoring documents of a scan. The scan of a shard offers a document whenever it beats the floor, which on
/// a shard of a few hundred phrasings is every third one, so the heap is two plain arrays rather than a
/// <see cref="PriorityQueue{TElement, TPriority}"/> of tuples. It is the same four-ary min-heap, sifted the same way, so equal
/// scores keep and rank the same documents as the priority queue did.
/// </summary>
internal sealed class TopDocuments
{
    private const int Arity = 4;
    private readonly float[] scores;
    private readonly int[] documents;
    private int count;

    public TopDocuments(int k)
    {
        var capacity = Math.Max(0, k);
        scores = new float[capacity];
        documents = new int[capacity];
    }

    /// <summary>How many documents it keeps at most.</summary>
    public int Capacity => scores.Length;

    /// <summary>Forgets every document, to rank again.</summary>
    public void Clear() => count = 0;

    /// <summary>The lowest score still kept once full; below it an offer is pointless.</summary>
    public float Floor => count == 0 || count < scores.Length ? float.NegativeInfinity : scores[0];

    public void Offer(int document, float score)
    {
        if (count < scores.Length)
        {
            MoveUp(count++, document, score);
        }
        else if (count > 0 && score > scores[0])
        {
            MoveDown(0, document, score);
        }
    }

    /// <summary>The documents from best to worst; the heap is empty afterwards.</summary>
    public List<(int Doc, double Score)> Drain()
    {
        var ranked = new List<(int Doc, double Score)>(count);
        DrainInto(ranked);
        return ranked;
    }

    /// <summary>As <see cref="Drain"/>, into <paramref name="ranked"/> (cleared first).</summary>
    public void DrainInto(List<(int Doc, double Score)> ranked)
    {
        ranked.Clear();
        while (count > 0)
        {
            ranked.Add((documents[0], scores[0]));
            var last = --count;
            if (last > 0)
            {
                MoveDown(0, documents[last], scores[last]);
            }
        }

        ranked.Reverse();
    }

    /// <summary>
    /// The first of the lowest of the children from <paramref name="child"/> on. Four children are compared as two pairs and
    /// then the pairs' winners, each choice a conditional move rather than a branch on unpredictable scores. Each choice
    /// keeps the earlier child on a tie, so the result is the first lowest, as a scan from left to right finds it.
    /// </summary>
    private int LeastChild(int child)
    {
        if (child + Arity <= count)
        {
            var left = scores[child + 1] < scores[child] ? child + 1 : child;
            var right = scores[child + 3] < scores[child + 2] ? child + 3 : child + 2;
            return scores[right] < scores[left] ? right : left;
        }

        var least = child;
        for (var next = child + 1; next < count; next++)
        {
            least = scores[next] < scores[least] ? next : least;
        }

        return least;
    }

    private void MoveUp(int slot, int document, float score)
    {
        while (slot > 0)
        {
            var parent = (slot - 1) / Arity;
            if (score >= scores[parent])
            {
                break;
            }

            scores[slot] = scores[parent];
            documents[slot] = documents[parent];
            slot = parent;
        }

        scores[slot] = score;
        documents[slot] = document;
    }

    private void MoveDown(int slot, int document, float score)
    {
        int child;
        while ((child = (slot * Arity) + 1) < count)
        {
            var least = LeastChild(child);
            if (score <= scores[least])
            {
                break;
            }

            scores[slot] = scores[least];
            documents[slot] = documents[least];
            slot = least;
        }

        scores[slot] = score;
        documents[slot] = document;
    }
}
