using ClaimTracker.Matching;

namespace ClaimTracker.Matching.Tests;

public sealed class RecentTextCacheTests
{
    [Fact]
    public void The_texts_used_least_recently_leave_first()
    {
        var cache = new RecentTextCache<string>(capacity: 4, longestText: 100);
        cache.Add("a", "A");
        cache.Add("b", "B");
        Assert.True(cache.TryGet("a", out _)); // "a" is used again, so it outlives "b"
        cache.Add("c", "C");
        cache.Add("d", "D");

        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal("A", a);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("d", out _));
    }

    [Fact]
    public void Only_new_texts_fill_a_generation()
    {
        var cache = new RecentTextCache<string>(capacity: 4, longestText: 100);
        cache.Add("a", "A");
        cache.Add("a", "A");
        Assert.True(cache.TryGet("a", out _));
        cache.Add("b", "B"); // the second text: the generation of two is full and becomes the older one

        cache.Add("c", "C");
        cache.Add("d", "D"); // full again: "a" and "b", never used since, leave

        Assert.False(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.True(cache.TryGet("d", out _));
    }

    [Fact]
    public void A_value_is_computed_once_while_its_text_is_kept()
    {
        var cache = new RecentTextCache<string>(capacity: 4, longestText: 100);
        var computed = 0;
        string Upper(string text)
        {
            computed++;
            return text.ToUpperInvariant();
        }

        Assert.Equal("KOREA", cache.GetOrAdd("korea", Upper));
        Assert.Equal("KOREA", cache.GetOrAdd("korea", Upper));
        Assert.Equal(1, computed);
    }

    [Fact]
    public void Texts_longer_than_the_limit_are_computed_but_not_kept()
    {
        var cache = new RecentTextCache<string>(capacity: 4, longestText: 3);

        Assert.Equal("ABCD", cache.GetOrAdd("abcd", t => t.ToUpperInvariant()));
        Assert.False(cache.TryGet("abcd", out _));
        cache.Add("abc", "ABC");
        Assert.True(cache.TryGet("abc", out _));
    }
}
