namespace ClaimTracker.Extraction.Propositions;

/// <summary>
/// Turns a content span into a proposition a person can read out of context: connectives that tie it to
/// the sentence around it dropped ("with Moscow forces firing …" → "Moscow forces are firing …"), a
/// leading pronoun and "the two" replaced by the actors the extractor met before it, negative-polarity
/// words that lean on a denial cue made plain ("denied that any arms deal had been discussed" → "An arms
/// deal had been discussed"), tense and wording otherwise kept. The stance (the denial) stays with the
/// statement. Pure: the same content and context always give the same proposition.
/// </summary>
public static class PropositionWriter
{
    private const int MaxAbsoluteSubject = 8;

    private static readonly HashSet<string> ExpletiveVerbs = new(StringComparer.Ordinal)
    {
        "is", "was", "isn’t", "isn't", "wasn’t", "wasn't", "’s", "'s", "seems", "seemed", "appears", "appeared", "looks", "remains",
    };

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal)
    {
        "can", "could", "may", "might", "must", "will", "would", "should", "has", "had",
    };

    /// <summary>Words that end the noun phrase after "any": auxiliaries, prepositions, relatives.</summary>
    private static readonly HashSet<string> NounPhraseEnds = new(StringComparer.Ordinal)
    {
        "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "did", "does",
        "do", "been", "be", "of", "in", "on", "at", "with", "to", "for", "from", "by", "about", "between", "that", "who", "which",
    };

    /// <summary>Words that may follow "the two" standing alone as a subject ("the two discussed …").</summary>
    private static readonly HashSet<string> PairVerbs = new(StringComparer.Ordinal)
    {
        "have", "had", "were", "are", "will", "would", "could", "can", "met", "agreed", "said", "also", "both", "signed", "held",
    };

    public static string Write(string content, PropositionContext context)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var words = new WordList(content);
        if (words.Count == 0)
        {
            return content;
        }

        DropLeadingConnectives(words);
        SupplyRelativeSubject(words, context);
        ResolveLeadingPronoun(words, context);
        ResolvePairs(words, context);
        if (context.IsDenial)
        {
            MakePolarityPlain(words);
        }

        return Capitalize(words.ToString());
    }

    private static void DropLeadingConnectives(WordList words)
    {
        var changed = true;
        while (changed && words.Count > 2)
        {
            changed = false;
            if (words.Is(0, ",") || words.Is(0, ":") || words.Is(0, "—") || words.Is(0, "–") || words.Is(0, "…"))
            {
                words.RemoveRange(0, 1);
                changed = true;
                continue;
            }

            if (words.Lower(0) == "with" && RewriteWith(words))
            {
                changed = true;
                continue;
            }

            foreach (var connective in PropositionLexicon.LeadingConnectives)
            {
                if (words.StartsWith(0, connective) && WordsFrom(words, connective.Length) >= 2)
                {
                    var drop = connective.Length;
                    while (words.Is(drop, ",") || words.Is(drop, ":"))
                    {
                        drop++;
                    }

                    words.RemoveRange(0, drop);
                    changed = true;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// "with Moscow forces firing up to 60,000 shots" → "Moscow forces are firing up to 60,000 shots";
    /// "With Kim's visit to Russia, relations have returned …" → "relations have returned …, with Kim's visit to Russia".
    /// </summary>
    private static bool RewriteWith(WordList words)
    {
        for (var i = 1; i < words.Count && i <= MaxAbsoluteSubject + 1; i++)
        {
            if (!words.IsWord(i) && !words.Is(i, "’s") && !words.Is(i, "'s"))
            {
                if (words.Is(i, ",") && i > 1 && WordsFrom(words, i + 1) >= 3)
                {
                    words.RemoveRange(i, 1);
                    words.MoveToEnd(i);
                    return true;
                }

                break;
            }

            var lower = words.Lower(i);
            if (i > 1 && lower.Length > 4 && lower.EndsWith("ing", StringComparison.Ordinal) && words.IsLowerWord(i))
            {
                var plural = IsPlural(words.Lower(i - 1));
                words.RemoveRange(0, 1);
                words.Insert(i - 1, plural ? "are" : "is");
                return true;
            }
        }

        return false;
    }

    /// <summary>"was worth $2 billion" after "the deal, which officials said": the relative clause's antecedent is its subject.</summary>
    private static void SupplyRelativeSubject(WordList words, PropositionContext context)
    {
        if (context.RelativeSubject is { Length: > 0 } subject && words.IsLowerWord(0)
            && PropositionLexicon.FiniteAuxiliaries.Contains(words.Lower(0)))
        {
            words.Insert(0, subject);
        }
    }

    private static void ResolveLeadingPronoun(WordList words, PropositionContext context)
    {
        var pronoun = words.Lower(0);
        var possessive = pronoun is "his" or "her" or "its" or "their";
        var actor = pronoun switch
        {
            "he" or "she" or "his" or "her" => PersonFor(context),
            "it" or "its" when !IsExpletive(words) => CollectiveSpeaker(context),
            "they" or "their" => GroupFor(context),
            _ => null,
        };
        if (actor is not null && words.Count > 1)
        {
            words.Replace(0, 1, possessive ? actor + Apostrophe(words) + "s" : actor);
        }
    }

    /// <summary>"he" in reported speech is most often the speaker; in a quote or the outlet's own text, the person met last.</summary>
    private static string? PersonFor(PropositionContext context)
    {
        if (context.IsReportedSpeech && !context.IsQuote && context.Speaker.Kind == ActorKindHint.Person)
        {
            return context.Speaker.Name;
        }

        return context.Preceding.FirstOrDefault(a => a.Kind == ActorKindHint.Person && a.Name != context.Speaker.Name)?.Name;
    }

    /// <summary>"it" names an actor only when an organisation reports about itself ("the ministry said it would …").</summary>
    private static string? CollectiveSpeaker(PropositionContext context) =>
        context.IsReportedSpeech && !context.IsQuote && IsCollective(context.Speaker.Kind) ? context.Speaker.Name : null;

    /// <summary>
    /// "they": an organisation speaking of itself; else the organisation, or the two people, met in the paragraph;
    /// else the side of the one other person there ("They are trying to develop further", Putin of Kim's country).
    /// </summary>
    private static string? GroupFor(PropositionContext context)
    {
        if (CollectiveSpeaker(context) is { } speaker)
        {
            return speaker;
        }

        var nearby = context.Preceding.Take(context.InParagraph).Where(a => a.Name != context.Speaker.Name).ToList();
        if (nearby.FirstOrDefault(a => IsCollective(a.Kind)) is { } collective)
        {
            return collective.Name;
        }

        var people = nearby.Where(a => a.Kind == ActorKindHint.Person).Take(2).ToList();
        return people.Count switch
        {
            2 => people[1].Name + " and " + people[0].Name,
            1 => people[0].Name + "’s side",
            _ => null,
        };
    }

    /// <summary>"It is safe to assume …", "It wasn't just …", "it can be said that …": no actor.</summary>
    private static bool IsExpletive(WordList words) =>
        ExpletiveVerbs.Contains(words.Lower(1))
        || (Modals.Contains(words.Lower(1)) && words.Lower(2) is "be" or "been");

    /// <summary>
    /// "the two (old friends)" standing for the two people the report is about (the most named of those met
    /// lately, in the order first named), unless the content names them first.
    /// </summary>
    private static void ResolvePairs(WordList words, PropositionContext context)
    {
        for (var i = 0; i + 2 < words.Count; i++)
        {
            if (words.Lower(i) != "the" || words.Lower(i + 1) != "two")
            {
                continue;
            }

            var end = PairEnd(words, i + 2);
            if (end < 0 || NamesBefore(words, i, context) >= 2)
            {
                continue;
            }

            var people = context.Preceding
                .Where(a => a.Kind == ActorKindHint.Person && a.Name != context.Speaker.Name)
                .Take(8)
                .OrderByDescending(a => a.Mentions)
                .Take(2)
                .OrderBy(a => a.FirstMention)
                .ToList();
            if (people.Count == 2)
            {
                words.Replace(i, end - i, people[0].Name + " and " + people[1].Name);
            }
        }
    }

    /// <summary>
    /// Where the phrase begun by "the two" ends: after a pair noun within three words, or right away before a verb;
    /// -1 if it is no pair.
    /// </summary>
    private static int PairEnd(WordList words, int start)
    {
        for (var k = start; k < words.Count && k < start + 3 && words.IsLowerWord(k); k++)
        {
            if (PropositionLexicon.PairNouns.Contains(words.Lower(k)))
            {
                return k + 1;
            }
        }

        var next = words.Lower(start);
        return words.IsLowerWord(start) && (next.EndsWith("ed", StringComparison.Ordinal) || PairVerbs.Contains(next)) ? start : -1;
    }

    private static int NamesBefore(WordList words, int end, PropositionContext context)
    {
        var before = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < end; i++)
        {
            before.Add(words[i]);
        }

        return context.Preceding.Count(a => a.Kind == ActorKindHint.Person && a.Name.Split(' ').Any(before.Contains));
    }

    /// <summary>Negative-polarity words before the content's own negation (which would license them) made plain.</summary>
    private static void MakePolarityPlain(WordList words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var lower = words.Lower(i);
            if (PropositionLexicon.Negators.Contains(lower)
                || lower.EndsWith("n't", StringComparison.Ordinal) || lower.EndsWith("n’t", StringComparison.Ordinal))
            {
                return;
            }

            if (lower == "any" && words.IsLowerWord(i + 1))
            {
                PlainAny(words, i);
                continue;
            }

            foreach (var (item, plain) in PropositionLexicon.NegativePolarity)
            {
                if (words.StartsWith(i, item))
                {
                    if (plain.Length == 0)
                    {
                        words.RemoveRange(i, item.Length);
                        i--;
                    }
                    else
                    {
                        words.Replace(i, item.Length, plain);
                    }

                    break;
                }
            }
        }
    }

    /// <summary>"any arms deal" → "an arms deal"; "any weapons", "any evidence" → "weapons", "evidence".</summary>
    private static void PlainAny(WordList words, int index)
    {
        var head = index + 1;
        for (var k = index + 1; k < words.Count && k <= index + 3 && words.IsLowerWord(k) && !NounPhraseEnds.Contains(words.Lower(k)); k++)
        {
            head = k;
        }

        var noun = words.Lower(head);
        if (PropositionLexicon.MassNouns.Contains(noun) || IsPlural(noun))
        {
            words.RemoveRange(index, 1);
            return;
        }

        words.Replace(index, 1, StartsWithVowelSound(words.Lower(index + 1)) ? "an" : "a");
    }

    private static bool IsPlural(string noun) =>
        noun.Length > 3 && noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal)
        && !noun.EndsWith("us", StringComparison.Ordinal) && !noun.EndsWith("is", StringComparison.Ordinal);

    private static bool StartsWithVowelSound(string word) =>
        (word.Length > 0 && "aeio".Contains(word[0], StringComparison.Ordinal))
        || (word.StartsWith('u') && !word.StartsWith("uni", StringComparison.Ordinal) && !word.StartsWith("use", StringComparison.Ordinal))
        || word.StartsWith("hour", StringComparison.Ordinal) || word.StartsWith("honest", StringComparison.Ordinal);

    private static bool IsCollective(ActorKindHint kind) =>
        kind is ActorKindHint.Organization or ActorKindHint.Government or ActorKindHint.Outlet;

    private static int WordsFrom(WordList words, int start)
    {
        var count = 0;
        for (var i = start; i < words.Count; i++)
        {
            count += words.IsWord(i) ? 1 : 0;
        }

        return count;
    }

    private static string Apostrophe(WordList words) => words.ToString().Contains('\'', StringComparison.Ordinal) ? "'" : "’";

    private static string Capitalize(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1)) : text;
}
