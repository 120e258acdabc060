namespace ClaimTracker.Matching;

/// <summary>Keeps the <c>k</c> highest-scoring items seen, in a min-heap of size k.</summary>
internal sealed class TopK<T>
{
    private readonly int k;
    private readonly PriorityQueue<T, double> heap;

    public TopK(int k)
    {
        this.k = Math.Max(0, k);
        heap = new PriorityQueue<T, double>(this.k + 1);
    }

    /// <summary>The lowest score still kept once full; below it an offer is pointless.</summary>
    public double Floor => heap.Count < k ? double.NegativeInfinity : heap.TryPeek(out _, out var p) ? p : double.NegativeInfinity;

    public void Offer(T item, double score)
    {
        if (k == 0)
        {
            return;
        }

        if (heap.Count < k)
        {
            heap.Enqueue(item, score);
        }
        else if (score > Floor)
        {
            heap.DequeueEnqueue(item, score);
        }
    }

    /// <summary>Items from best to worst.</summary>
    public List<(T Item, double Score)> Drain()
    {
        var items = new List<(T, double)>(heap.Count);
        while (heap.TryDequeue(out var item, out var score))
        {
            items.Add((item, score));
        }

        items.Reverse();
        return items;
    }
}
