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

    // A scratch copy shares the original's array and lookup until it adds, then copies the array and
    // scans it: it lives for one batch, where building a lookup would cost more than it saves.
    private bool isScratch;
    private bool sharesItems;

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

        if (sharesItems)
        {
            var own = new string[Math.Max(1, Count * 2)];
            Array.Copy(items, own, Count);
            items = own;
            lookup = null;
            sharesItems = false;
        }
        else if (Count == items.Length)
        {
            Array.Resize(ref items, Math.Max(1, Count * 2));
        }

        items[Count++] = value;
        if (lookup is not null)
        {
            lookup.Add(value);
        }
        else if (Count > LinearLimit && !isScratch)
        {
            lookup = new HashSet<string>(Items, StringComparer.Ordinal);
        }

        return true;
    }

    /// <summary>The strings in the order added, as a new array.</summary>
    public string[] ToArray() => items.AsSpan(0, Count).ToArray();

    /// <summary>An independent copy: later additions to either do not show in the other.</summary>
    public OrderedStringSet Copy() => new()
    {
        items = ToArray(),
        Count = Count,
        lookup = lookup is null ? null : new HashSet<string>(lookup, StringComparer.Ordinal),
    };

    /// <summary>
    /// A copy to try additions on without changing this set. It shares this set's array until its
    /// first addition, so a batch that adds nothing new costs nothing; valid while this set is unchanged.
    /// </summary>
    public OrderedStringSet ScratchCopy() => new() { items = items, Count = Count, lookup = lookup, isScratch = true, sharesItems = true };
}
