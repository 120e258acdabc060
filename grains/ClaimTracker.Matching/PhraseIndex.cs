using System.Runtime.CompilerServices;

namespace ClaimTracker.Matching;

/// <summary>
/// A lexicon's phrases by their first word: finding them in a text costs one lookup per word of the
/// text instead of one scan of the text per phrase (the lexicons hold hundreds of phrases, and the stance
/// rules and features look for several of them in both texts of every pair). Finds exactly what
/// <see cref="StanceLexicon.Phrase.IndexIn"/> finds, phrase by phrase.
/// </summary>
internal sealed class PhraseIndex
{
    private static readonly ConditionalWeakTable<StanceLexicon.Phrase[], PhraseIndex> Built = new();

    private readonly StanceLexicon.Phrase[] phrases;

    /// <summary>Ordinals (positions in the lexicon, ascending) of the phrases starting with each word.</summary>
    private readonly Dictionary<string, int[]> byFirstWord;

    private PhraseIndex(StanceLexicon.Phrase[] phrases)
    {
        this.phrases = phrases;
        byFirstWord = Enumerable.Range(0, phrases.Length)
            .GroupBy(i => phrases[i].Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The index of a lexicon (one of <see cref="StanceLexicon"/>'s arrays), built on first use.</summary>
    public static PhraseIndex Of(StanceLexicon.Phrase[] phrases) => Built.GetValue(phrases, p => new PhraseIndex(p));

    /// <summary>The lowest ordinal of a phrase found anywhere in <paramref name="words"/>, or -1.</summary>
    public int FirstOrdinal(IReadOnlyList<string> words)
    {
        var first = int.MaxValue;
        for (var at = 0; at < words.Count; at++)
        {
            if (!byFirstWord.TryGetValue(words[at], out var candidates))
            {
                continue;
            }

            foreach (var ordinal in candidates)
            {
                if (ordinal >= first)
                {
                    break;
                }

                if (MatchesAt(phrases[ordinal], words, at))
                {
                    first = ordinal;
                    break;
                }
            }
        }

        return first == int.MaxValue ? -1 : first;
    }

    /// <summary>The texts of every phrase found in <paramref name="words"/>.</summary>
    public HashSet<string> All(IReadOnlyList<string> words)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var at = 0; at < words.Count; at++)
        {
            if (!byFirstWord.TryGetValue(words[at], out var candidates))
            {
                continue;
            }

            foreach (var ordinal in candidates)
            {
                if (MatchesAt(phrases[ordinal], words, at))
                {
                    found.Add(phrases[ordinal].Text);
                }
            }
        }

        return found;
    }

    /// <summary>Where the earliest occurrence of any phrase starts, or -1.</summary>
    public int FirstPosition(IReadOnlyList<string> words)
    {
        for (var at = 0; at < words.Count; at++)
        {
            if (byFirstWord.TryGetValue(words[at], out var candidates) && candidates.Any(ordinal => MatchesAt(phrases[ordinal], words, at)))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool MatchesAt(StanceLexicon.Phrase phrase, IReadOnlyList<string> words, int at)
    {
        var expected = phrase.Words;
        if (at + expected.Length > words.Count)
        {
            return false;
        }

        for (var j = 1; j < expected.Length; j++)
        {
            if (!string.Equals(words[at + j], expected[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
