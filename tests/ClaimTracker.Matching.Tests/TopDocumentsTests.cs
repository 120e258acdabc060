using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

public sealed class TopDocumentsTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(40, 17)]
    [InlineData(40, 500)]
    [InlineData(7, 3)]
    public void Keeps_and_ranks_the_documents_the_priority_queue_kept_ties_included(int k, int offers)
    {
        // Scores on a coarse grid, so that many tie at the floor and in the ranking.
        var random = new Random(k * 1000 + offers);
        var scores = Enumerable.Range(0, offers).Select(_ => random.Next(0, 12) / 4f).ToArray();
        var top = new TopDocuments(k);
        var reference = new TopK<int>(k);
        var floor = float.NegativeInfinity;
        for (var doc = 0; doc < offers; doc++)
        {
            // As the scan offers: only above the floor.
            if (scores[doc] > floor)
            {
                top.Offer(doc, scores[doc]);
                floor = top.Floor;
            }

            reference.Offer(doc, scores[doc]);
        }

        Assert.Equal(reference.Drain(), top.Drain());
    }

    [Theory]
    [InlineData(40, 1_000)]
    [InlineData(5, 300)]
    public void Distinct_scores_rank_as_the_priority_queue_ranked_them_and_a_cleared_heap_starts_again(int k, int offers)
    {
        var random = new Random(k + offers);
        var top = new TopDocuments(k);
        top.Offer(-1, 2f); // left by a search before, then cleared
        top.Clear();
        var reference = new TopK<int>(k);
        for (var doc = 0; doc < offers; doc++)
        {
            var score = (float)random.NextDouble();
            top.Offer(doc, score);
            reference.Offer(doc, score);
        }

        var ranked = new List<(int Doc, double Score)> { (99, 9) };
        top.DrainInto(ranked);
        Assert.Equal(reference.Drain(), ranked);
    }

    [Fact]
    public void Drains_best_first_and_is_empty_afterwards()
    {
        var top = new TopDocuments(3);
        foreach (var (doc, score) in new[] { (0, 0.1f), (1, 0.9f), (2, 0.5f), (3, 0.7f), (4, 0.2f) })
        {
            top.Offer(doc, score);
        }

        Assert.Equal(0.5f, top.Floor);
        Assert.Equal([1, 3, 2], top.Drain().Select(x => x.Doc));
        Assert.Empty(top.Drain());
        Assert.Equal(float.NegativeInfinity, top.Floor);
    }

    [Fact]
    public void Keeps_nothing_when_k_is_zero()
    {
        var top = new TopDocuments(0);
        top.Offer(1, 1f);

        Assert.Empty(top.Drain());
    }
}
