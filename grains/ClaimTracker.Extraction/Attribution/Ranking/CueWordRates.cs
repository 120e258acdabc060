using System.Globalization;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Attribution.Ranking;

/// <summary>
/// How often each word is part of an attribution cue in annotated training text: a unigram cue tagger, learned from the
/// training split (within each fold in cross-validation), that tells the filter how cue-like a candidate's cue words are
/// ("mocked", "critical", "expected") beyond the lexicon's classes. Rates are smoothed towards the overall rate, so a rare
/// word says little.
/// </summary>
public sealed class CueWordRates
{
    private const int MinimumCount = 3;
    private const double Smoothing = 5;

    private readonly Dictionary<string, (int Count, int Cue)> words;
    private readonly double prior;

    private CueWordRates(Dictionary<string, (int Count, int Cue)> words)
    {
        this.words = words;
        long count = 0;
        long cue = 0;
        foreach (var (c, k) in words.Values)
        {
            count += c;
            cue += k;
        }

        prior = count == 0 ? 0 : cue / (double)count;
    }

    /// <summary>The least smoothed rate of a word the loose pass tries as a cue (decided by cross-validation).</summary>
    public const double LikelyCueRate = 0.25;

    public int Words => words.Count;

    /// <summary>Seen at least five times, and part of a cue at least <see cref="LikelyCueRate"/> of the time.</summary>
    public bool IsLikelyCue(string lowerWord)
        => words.TryGetValue(lowerWord, out var seen) && seen.Count >= 5 && Rate(lowerWord) >= LikelyCueRate;

    /// <summary>Counts every word token of the texts and those inside a gold cue; keeps words seen at least three times.</summary>
    public static CueWordRates Count(IEnumerable<(string Text, IReadOnlyList<TextSpan> Cues)> articles)
    {
        var counts = new Dictionary<string, (int Count, int Cue)>(StringComparer.Ordinal);
        foreach (var (text, cues) in articles)
        {
            var doc = new Document(text);
            for (var i = 0; i < doc.Tokens.Length; i++)
            {
                if (doc.Tokens[i].Kind != TokenKind.Word)
                {
                    continue;
                }

                var begin = doc.Tokens[i].Begin;
                var end = doc.Tokens[i].End;
                var inCue = false;
                foreach (var c in cues)
                {
                    if (c.Begin < end && begin < c.End)
                    {
                        inCue = true;
                        break;
                    }
                }

                var word = doc.Lower(i);
                var (count, cue) = counts.GetValueOrDefault(word);
                counts[word] = (count + 1, cue + (inCue ? 1 : 0));
            }
        }

        return new CueWordRates(counts.Where(p => p.Value.Count >= MinimumCount).ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>The smoothed share of the word's occurrences that lie in a cue; the overall share for an unseen word.</summary>
    public float Rate(string lowerWord)
    {
        var (count, cue) = words.GetValueOrDefault(lowerWord);
        return (float)((cue + Smoothing * prior) / (count + Smoothing));
    }

    /// <summary>One line per word, "word, tab, occurrences, tab, occurrences in a cue", in ordinal order (stable bytes).</summary>
    public void Write(TextWriter writer)
    {
        writer.Write("# word\toccurrences\tin a cue (PolNeAR train)\n");
        foreach (var (word, (count, cue)) in words.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{word}\t{count}\t{cue}\n"));
        }
    }

    public static CueWordRates Read(TextReader reader)
    {
        var words = new Dictionary<string, (int Count, int Cue)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var cue))
            {
                throw new InvalidDataException($"cue word rates: bad line '{line}'");
            }

            words[fields[0]] = (count, cue);
        }

        return new CueWordRates(words);
    }
}
