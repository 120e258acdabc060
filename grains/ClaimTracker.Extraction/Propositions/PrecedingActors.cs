namespace ClaimTracker.Extraction.Propositions;

/// <summary>
/// The actors named before a point of the text, nearest first, for statements taken in reading order: the point
/// only moves forward and each mention passed moves its actor to the front of a most-recently-named list, so a
/// statement's context costs the actors it lists, not every mention before it.
/// </summary>
internal sealed class PrecedingActors
{
    // Far more distinct actors than any real article names before one statement (a long report names a few dozen):
    // the list always holds all of them there, and on hostile text naming thousands it bounds the work per statement.
    private const int MaxListed = 256;

    private readonly List<ActorMention> mentions;
    private readonly IReadOnlyList<ExtractedActor> actors;
    private readonly int[] count;
    private readonly int[] first;
    private readonly int[] last;
    private readonly int[] next;
    private readonly int[] previous;
    private int mostRecent = -1;
    private int passed;

    /// <param name="mentions">The mentions of <paramref name="actors"/> in the order of the text.</param>
    public PrecedingActors(List<ActorMention> mentions, IReadOnlyList<ExtractedActor> actors)
    {
        this.mentions = mentions;
        this.actors = actors;
        count = new int[actors.Count];
        first = new int[actors.Count];
        last = new int[actors.Count];
        next = new int[actors.Count];
        previous = new int[actors.Count];
    }

    /// <summary>
    /// The actors named before <paramref name="begin"/> (never an earlier point than the last call's), nearest first,
    /// then those named only inside <paramref name="source"/> after it (the speaker named after its quote: "…,” said
    /// Yohann Michel), and how many from the first were named at or after <paramref name="paragraphStart"/>.
    /// </summary>
    public (List<ContextActor> Preceding, int InParagraph) Before(int begin, TextSpan source, int paragraphStart)
    {
        for (; passed < mentions.Count && mentions[passed].Begin < begin; passed++)
        {
            Pass(mentions[passed]);
        }

        var later = source.IsEmpty ? [] : MentionsInSourceFrom(begin, source);
        var preceding = new List<ContextActor>();
        var inParagraph = 0;
        for (var a = mostRecent; a >= 0 && preceding.Count < MaxListed; a = next[a])
        {
            var laterCount = later.Count(m => m.Actor == a);
            preceding.Add(new ContextActor(actors[a].Name, actors[a].Kind, count[a] + laterCount, first[a]));
            if (last[a] >= paragraphStart)
            {
                inParagraph = preceding.Count;
            }
        }

        foreach (var group in later.Where(m => count[m.Actor] == 0).GroupBy(m => m.Actor))
        {
            var nearest = group.First();
            if (preceding.Count == MaxListed)
            {
                break;
            }

            preceding.Add(new ContextActor(actors[nearest.Actor].Name, actors[nearest.Actor].Kind, group.Count(), nearest.Begin));
            if (nearest.Begin >= paragraphStart)
            {
                inParagraph = preceding.Count;
            }
        }

        return (preceding, inParagraph);
    }

    private void Pass(ActorMention mention)
    {
        var a = mention.Actor;
        if (count[a]++ == 0)
        {
            first[a] = mention.Begin;
        }
        else if (a == mostRecent)
        {
            last[a] = mention.Begin;
            return;
        }
        else
        {
            next[previous[a]] = next[a];
            if (next[a] >= 0)
            {
                previous[next[a]] = previous[a];
            }
        }

        last[a] = mention.Begin;
        previous[a] = -1;
        next[a] = mostRecent;
        if (mostRecent >= 0)
        {
            previous[mostRecent] = a;
        }

        mostRecent = a;
    }

    /// <summary>The mentions at or after <paramref name="begin"/> that start inside <paramref name="source"/> (its end included).</summary>
    private List<ActorMention> MentionsInSourceFrom(int begin, TextSpan source)
    {
        var from = Math.Max(begin, source.Begin);
        int lo = passed, hi = mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (mentions[mid].Begin < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var result = new List<ActorMention>();
        for (var i = lo; i < mentions.Count && mentions[i].Begin <= source.End; i++)
        {
            result.Add(mentions[i]);
        }

        return result;
    }
}
