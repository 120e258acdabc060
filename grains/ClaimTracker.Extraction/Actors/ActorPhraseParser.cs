using ClaimTracker.Extraction.Attribution;
using ClaimTracker.Extraction.Text;

namespace ClaimTracker.Extraction.Actors;

/// <summary>
/// Reads a speaker phrase: "Kremlin spokesman Dmitry Peskov" → person "Dmitry Peskov", role
/// "spokesman", affiliation "Kremlin"; "Yohann Michel, an analyst at the International Institute
/// for Strategic Studies (IISS)" → person, role "analyst", affiliation IISS; "Russian state
/// media" → a generic outlet of Russia; "he" → a pronoun to resolve.
/// </summary>
internal static class ActorPhraseParser
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "for", "on", "and", "de", "al", "bin", "von", "van", "der", "la", "le", "du", "the", "&",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "another", "one", "some", "several", "many", "two", "three", "other",
    };

    private static readonly HashSet<string> AffiliationPrepositions = new(StringComparer.Ordinal)
    {
        "at", "of", "for", "with", "from", "in",
    };

    public static ActorPhrase? Parse(Document doc, TokenRange range)
    {
        var first = range.First;
        var end = range.End;
        while (first < end && !doc.IsWord(first) && !doc.Is(first, '('))
        {
            first++;
        }

        while (end > first && !doc.IsWord(end - 1) && !doc.Is(end - 1, ')'))
        {
            end--;
        }

        if (first >= end)
        {
            return null;
        }

        var surface = Normalize(doc.Slice(first, end - 1));
        if (end - first == 1 && Lexicons.Pronouns.Contains(doc.Lower(first)))
        {
            var pronoun = doc.Lower(first);
            var pronounKind = pronoun is "he" or "she" or "him" or "her" or "his" or "i" or "me"
                ? ActorKindHint.Person
                : ActorKindHint.Unknown;
            return new ActorPhrase(surface, surface, pronounKind, null, null, null, null, false, pronoun);
        }

        // Head and appositive.
        var comma = -1;
        var depth = 0;
        for (var i = first; i < end; i++)
        {
            if (doc.Is(i, '('))
            {
                depth++;
            }
            else if (doc.Is(i, ')'))
            {
                depth--;
            }
            else if (depth == 0 && doc.Is(i, ','))
            {
                comma = i;
                break;
            }
        }

        var headEnd = comma >= 0 ? comma : end;
        var acronym = FindAcronym(doc, first, headEnd, out var nameEnd);
        if (acronym is null && doc.Is(nameEnd - 1, ')'))
        {
            // "Rep. Earl Blumenauer (D-Ore.)": a party and state tag is not part of the name.
            for (var k = nameEnd - 2; k > first && nameEnd - k <= 8; k--)
            {
                if (doc.Is(k, '('))
                {
                    nameEnd = k;
                    break;
                }
            }
        }
        var headFirst = first;
        while (headFirst < nameEnd && Determiners.Contains(doc.Lower(headFirst)))
        {
            headFirst++;
        }

        if (headFirst >= nameEnd)
        {
            return null;
        }

        // The last run of capitalized words is the name.
        var runEnd = nameEnd;
        var runFirst = runEnd;
        for (var i = nameEnd - 1; i >= headFirst; i--)
        {
            if (doc.IsCapitalized(i) || doc.Tokens[i].Kind == TokenKind.Number && runFirst < runEnd)
            {
                runFirst = i;
                continue;
            }

            if (Connectors.Contains(doc.Lower(i)) && doc.IsLowerWord(i) && doc.IsCapitalized(i - 1) && i > headFirst && runFirst < runEnd)
            {
                continue;
            }

            if ((doc.Is(i, '-') || doc.Is(i, '.') && doc.IsCapitalized(i - 1) && i > headFirst) && runFirst < runEnd)
            {
                continue;
            }

            break;
        }

        string name;
        string? role = null;
        string? country = null;
        string? affiliationName = null;
        var hasTitle = false;
        var isGeneric = runFirst >= runEnd;
        var descriptor = new List<string>();
        int nameTokens;
        if (isGeneric)
        {
            // "Russian state media", "a source", "Ukrainian data", "officials".
            name = Normalize(doc.Slice(headFirst, nameEnd - 1));
            for (var i = headFirst; i < nameEnd; i++)
            {
                var w = StripPossessive(doc.TextOf(i));
                if (Lexicons.Countries.TryGetValue(w, out var c))
                {
                    country = c;
                }
                else if (i + 1 < nameEnd && Lexicons.Countries.TryGetValue(w + " " + StripPossessive(doc.TextOf(i + 1)), out var c2))
                {
                    country = c2;
                }
            }

            nameTokens = nameEnd - headFirst;
            descriptor.Add(name);
        }
        else
        {
            // Titles at the start of the run ("President Putin", "Sen. Bob Corker").
            var nameFirst = runFirst;
            var titles = new List<string>();
            var runText = doc.Slice(runFirst, runEnd - 1).ToLowerInvariant();
            var institution = ActorKindClassifier.ContainsAny(runText, Lexicons.OrganizationWords)
                || ActorKindClassifier.ContainsAny(runText, Lexicons.GovernmentWords)
                || NewsOutlets.Contains(runText);
            if (!institution)
            {
                var lastTitle = -1;
                for (var i = runFirst; i < runEnd - 1; i++)
                {
                    if (Lexicons.Titles.Contains(doc.Lower(i).TrimEnd('.')) || Lexicons.Titles.Contains(doc.Lower(i)))
                    {
                        lastTitle = i;
                    }
                }

                if (lastTitle >= 0)
                {
                    for (var i = runFirst; i <= lastTitle; i++)
                    {
                        titles.Add(doc.TextOf(i));
                    }

                    nameFirst = lastTitle + 1;
                    hasTitle = true;

                    // "Gov." is two tokens: its dot belongs to the title, not to the name after it.
                    if (nameFirst < runEnd - 1 && doc.Is(nameFirst, '.'))
                    {
                        titles[^1] += ".";
                        nameFirst++;
                    }
                }
            }

            name = StripPossessive(Normalize(doc.Slice(nameFirst, runEnd - 1)));
            nameTokens = runEnd - nameFirst;

            // Words before the run: roles, countries, an organisation ("Kremlin spokesman").
            var roleWords = new List<string>();
            for (var i = headFirst; i < runFirst; i++)
            {
                var raw = doc.TextOf(i);
                var w = StripPossessive(raw);
                if (doc.IsLowerWord(i))
                {
                    roleWords.Add(raw);
                    continue;
                }

                if (Lexicons.Countries.TryGetValue(w, out var c))
                {
                    country = c;
                }
                else if (i + 1 < runFirst && Lexicons.Countries.TryGetValue(w + " " + StripPossessive(doc.TextOf(i + 1)), out var c2))
                {
                    country = c2;
                    i++;
                }
                else if (doc.IsCapitalized(i))
                {
                    affiliationName = affiliationName is null ? w : affiliationName + " " + w;
                }
            }

            descriptor.AddRange(roleWords);
            if (titles.Count > 0)
            {
                role = string.Join(' ', titles);
            }

            if (roleWords.Count > 0)
            {
                var words = string.Join(' ', roleWords);
                role = role is null ? words : words + " " + role;
            }
        }

        // The appositive: "an analyst at the International Institute for Strategic Studies (IISS)".
        AffiliationPhrase? affiliation = null;
        if (comma >= 0 && comma + 1 < end)
        {
            var (appositiveRole, appositiveAffiliation) = ParseAppositive(doc, comma + 1, end);
            role ??= appositiveRole;
            if (appositiveRole is not null && role != appositiveRole && !isGeneric)
            {
                role = appositiveRole;
            }

            affiliation = appositiveAffiliation;
            if (appositiveRole is not null)
            {
                descriptor.Add(appositiveRole);
            }
        }

        if (affiliation is null && affiliationName is not null && role is not null)
        {
            affiliation = new AffiliationPhrase(affiliationName, null, affiliationName);
        }

        if (isGeneric)
        {
            role = null;
        }

        var kind = ActorKindClassifier.Classify(name, string.Join(' ', descriptor), role, hasTitle, nameTokens);
        if (isGeneric && kind == ActorKindHint.Person && !ActorKindClassifier.IsPersonRole(name))
        {
            kind = ActorKindHint.Unknown;
        }

        return new ActorPhrase(surface, name, kind, role, acronym, affiliation, country, isGeneric, null);
    }

    private static (string? Role, AffiliationPhrase? Affiliation) ParseAppositive(Document doc, int first, int end)
    {
        if (doc.Is(first, "who") || doc.Is(first, "which"))
        {
            return (null, null);
        }

        var i = first;
        while (i < end && Determiners.Contains(doc.Lower(i)))
        {
            i++;
        }

        var roleFirst = i;
        while (i < end && !(AffiliationPrepositions.Contains(doc.Lower(i)) && doc.IsLowerWord(i)) && !doc.Is(i, ','))
        {
            i++;
        }

        var role = i > roleFirst ? Normalize(doc.Slice(roleFirst, i - 1)) : null;
        if (i >= end || doc.Is(i, ','))
        {
            return (role, null);
        }

        i++;
        while (i < end && Determiners.Contains(doc.Lower(i)))
        {
            i++;
        }

        var orgFirst = i;
        var acronym = FindAcronym(doc, orgFirst, end, out var orgEnd);
        var j = orgFirst;
        while (j < orgEnd && (doc.IsCapitalized(j) || Connectors.Contains(doc.Lower(j)) && j > orgFirst || doc.Is(j, '-')))
        {
            j++;
        }

        while (j > orgFirst && !doc.IsCapitalized(j - 1))
        {
            j--;
        }

        if (j <= orgFirst)
        {
            return (role, null);
        }

        var name = StripPossessive(Normalize(doc.Slice(orgFirst, j - 1)));
        var surfaceEnd = acronym is not null ? orgEnd + 3 : j;
        var surface = Normalize(doc.Slice(orgFirst, Math.Min(surfaceEnd, end) - 1));
        return (role, new AffiliationPhrase(name, acronym, surface));
    }

    /// <summary>"… (IISS)": the acronym in parentheses at the end of a name; <paramref name="nameEnd"/> stops before it.</summary>
    private static string? FindAcronym(Document doc, int first, int end, out int nameEnd)
    {
        nameEnd = end;
        for (var i = first; i + 2 < end + 1 && i < end; i++)
        {
            if (doc.Is(i, '(') && i + 2 < end + 1 && doc.Is(i + 2, ')') && ActorKindClassifier.IsAcronym(doc.TextOf(i + 1)))
            {
                nameEnd = i;
                return doc.TextOf(i + 1);
            }
        }

        return null;
    }

    public static string StripPossessive(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.EndsWith('\'') || word.EndsWith('’') ? word[..^1] : word;
    }

    public static string Normalize(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
