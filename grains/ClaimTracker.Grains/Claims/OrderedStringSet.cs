namespace ClaimTracker.Grains.Claims;

/// <summary>
/// Distinct strings in the order first added (a claim's actor ids, its statement ids). Every active
/// claim keeps two, so a small set is a bare array searched linearly; past
/// <see cref="LinearLimit"/> strings a hash set is added so that adding stays O(1) for long histories.
/// </summary>
internal sealed class OrderedStringSet
{
    private const int LinearLimit = 8;
    private string[] items = [];
    private HashSet<string>? lookup;

    public int Count { get; private set; }

    public IEnumerable<string> Items => items.Take(Count);

    public bool Contains(string value) =>
        lookup?.Contains(value) ?? Array.IndexOf(items, value, 0, Count) >= 0;

    /// <summary>Adds <paramref name="value"/> unless present; true if it was added.</summary>
    public bool Add(string value)
    {
        if (Contains(value))
        {
            return false;
        }

        if (Count == items.Length)
        {
            Array.Resize(ref items, Math.Max(1, Count * 2));
        }

        items[Count++] = value;
        if (lookup is not null)
        {
            lookup.Add(value);
        }
        else if (Count > LinearLimit)
        {
            lookup = new HashSet<string>(Items, StringComparer.Ordinal);
        }

        return true;
    }

    public OrderedStringSet Clone()
    {
        var copy = new OrderedStringSet();
        foreach (var item in Items)
        {
            copy.Add(item);
        }

        return copy;
    }
}
