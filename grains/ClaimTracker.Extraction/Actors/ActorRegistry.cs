using System.Text;

namespace ClaimTracker.Extraction.Actors;

/// <summary>
/// Resolves actor phrases to actors within one article: same name, acronym ("IISS"), surname or
/// family name alone ("Putin", "Kim": the nearest earlier full name that has it, so "Kim" stays with
/// Kim Jong Un until Kim Jong-dae is named), and generic descriptions of one country's media
/// ("Russian state media", "Russian state television"; "North Korean state media" with KCNA).
/// </summary>
internal sealed class ActorRegistry
{
    private readonly List<Entry> entries = [];
    private readonly Dictionary<string, int> byNorm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> byAcronym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> byGenericKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byNameToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> singleByToken = new(StringComparer.Ordinal);
    private readonly List<(int Position, int Id)> personMentions = [];
    private bool personMentionsSorted = true;

    public int OutletId { get; private set; } = -1;

    public int AddOutlet(string name)
    {
        var entry = NewEntry(name, ActorKindHint.Outlet, 0);
        entry.IsGeneric = false;
        AddAlias(entry, name);
        entry.Referenced = true;
        Index(entry);
        OutletId = entry.Id;
        return entry.Id;
    }

    /// <summary>Finds or creates the actor a phrase names at <paramref name="position"/> (a text offset).</summary>
    public int Resolve(ActorPhrase phrase, int position, bool referenced)
    {
        var entry = Find(phrase, position) ?? NewEntry(phrase.Name, phrase.Kind, position);
        entry.Positions.Add(position);
        AddAlias(entry, phrase.Surface);
        if (phrase.Acronym is not null)
        {
            entry.Acronym ??= phrase.Acronym;
            AddAlias(entry, phrase.Acronym);
        }

        if (!phrase.IsGeneric && phrase.Name.Length > entry.Name.Length && entry.NameTokens.Length == 1 && !entry.IsGeneric
            && Tokens(phrase.Name).Contains(entry.NameTokens[0], StringComparer.OrdinalIgnoreCase))
        {
            entry.SetName(phrase.Name);
        }

        if (entry.Kind == ActorKindHint.Unknown
            || (entry.Kind == ActorKindHint.Organization && phrase.Kind is ActorKindHint.Outlet or ActorKindHint.Government))
        {
            entry.Kind = phrase.Kind;
        }

        entry.Role ??= phrase.Role;
        entry.Country ??= phrase.Country;
        entry.IsGeneric &= phrase.IsGeneric;
        if (phrase.Affiliation is { } affiliation && entry.AffiliationId < 0)
        {
            var org = new ActorPhrase(
                affiliation.Surface,
                affiliation.Name,
                OrganizationKind(affiliation.Name),
                null,
                affiliation.Acronym,
                null,
                null,
                false,
                null);
            var orgId = Resolve(org, position, referenced: false);
            if (orgId != entry.Id)
            {
                entry.AffiliationId = orgId;
            }
        }

        entry.Referenced |= referenced;
        Index(entry);
        if (entry.Kind == ActorKindHint.Person)
        {
            personMentions.Add((position, entry.Id));
            personMentionsSorted = false;
        }

        return entry.Id;
    }

    public void MarkReferenced(int id) => entries[id].Referenced = true;

    public void AddAlias(int id, string surface) => AddAlias(entries[id], surface);

    public ActorKindHint KindOf(int id) => entries[Root(id)].Kind;

    public int Root(int id)
    {
        while (entries[id].MergedInto >= 0)
        {
            id = entries[id].MergedInto;
        }

        return id;
    }

    /// <summary>The most recent person mentioned before <paramref name="position"/>, for "he said".</summary>
    public int LastPersonBefore(int position)
    {
        if (!personMentionsSorted)
        {
            personMentions.Sort();
            personMentionsSorted = true;
        }

        int lo = 0, hi = personMentions.Count - 1, best = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (personMentions[mid].Position < position)
            {
                best = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return best < 0 ? -1 : Root(personMentions[best].Id);
    }

    /// <summary>Merges generic descriptions into the named actor they stand for, assigns keys and returns the referenced actors.</summary>
    public (List<ExtractedActor> Actors, string[] Keys) Build()
    {
        MergeGenericOutlets();
        foreach (var e in entries)
        {
            if (e.MergedInto < 0 && e.Referenced && e.AffiliationId >= 0)
            {
                entries[Root(e.AffiliationId)].Referenced = true;
            }
        }

        var keys = new string[entries.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.MergedInto >= 0)
            {
                continue;
            }

            var key = KindPrefix(e.Kind) + ":" + Slug(e.Name);
            var unique = key;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = key + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            keys[e.Id] = unique;
        }

        foreach (var e in entries)
        {
            if (e.MergedInto >= 0)
            {
                keys[e.Id] = keys[Root(e.Id)];
            }
        }

        var actors = new List<ExtractedActor>();
        foreach (var e in entries)
        {
            if (e.MergedInto >= 0 || !e.Referenced)
            {
                continue;
            }

            var affiliation = e.AffiliationId >= 0 ? keys[Root(e.AffiliationId)] : null;
            actors.Add(
                new ExtractedActor(keys[e.Id], e.Name, e.Kind, [.. e.Aliases], e.Role, affiliation == keys[e.Id] ? null : affiliation));
        }

        return (actors, keys);
    }

    private Entry? Find(ActorPhrase phrase, int position)
    {
        if (phrase.Acronym is not null || ActorKindClassifier.IsAcronym(phrase.Name))
        {
            var acronym = phrase.Acronym ?? phrase.Name;
            if (byAcronym.TryGetValue(acronym, out var a) || byNorm.TryGetValue(NormalizeName(acronym), out a))
            {
                return Live(a);
            }
        }

        if (byNorm.TryGetValue(NormalizeName(phrase.Name), out var id))
        {
            return Live(id);
        }

        if (phrase.IsGeneric)
        {
            var key = GenericKey(phrase);
            return key is not null && byGenericKey.TryGetValue(key, out var g) ? Live(g) : null;
        }

        var tokens = Tokens(phrase.Name);
        if (tokens.Length == 1 && phrase.Kind is ActorKindHint.Person or ActorKindHint.Unknown)
        {
            // A surname or family name alone: the nearest earlier full name with it, else the first later one.
            if (!byNameToken.TryGetValue(tokens[0].ToLowerInvariant(), out var candidates))
            {
                return null;
            }

            Entry? before = null;
            var beforePosition = -1;
            Entry? after = null;
            var afterPosition = int.MaxValue;
            foreach (var candidate in candidates)
            {
                var e = entries[Root(candidate)];
                if (e.Kind is not (ActorKindHint.Person or ActorKindHint.Unknown))
                {
                    continue;
                }

                foreach (var p in e.Positions)
                {
                    if (p <= position && p > beforePosition)
                    {
                        beforePosition = p;
                        before = e;
                    }
                    else if (p > position && p < afterPosition)
                    {
                        afterPosition = p;
                        after = e;
                    }
                }
            }

            return before ?? after;
        }

        if (tokens.Length >= 2 && phrase.Kind is ActorKindHint.Person or ActorKindHint.Unknown
            && singleByToken.TryGetValue(tokens[^1].ToLowerInvariant(), out var singles) && singles.Count == 1)
        {
            // A fuller form of a name first seen alone ("Putin" then "Vladimir Putin").
            var e = entries[Root(singles[0])];
            return e.NameTokens.Length == 1 && !e.IsGeneric && e.Kind is ActorKindHint.Person or ActorKindHint.Unknown ? e : null;
        }

        return null;
    }

    private Entry? Live(int id) => entries[Root(id)];

    private void Index(Entry entry)
    {
        byNorm.TryAdd(entry.Norm, entry.Id);
        if (entry.NameTokens.Length >= 2)
        {
            AddTo(byNameToken, entry.NameTokens[0].ToLowerInvariant(), entry.Id);
            AddTo(byNameToken, entry.NameTokens[^1].ToLowerInvariant(), entry.Id);
        }
        else if (entry.NameTokens.Length == 1)
        {
            AddTo(singleByToken, entry.NameTokens[0].ToLowerInvariant(), entry.Id);
        }

        if (entry.Acronym is not null)
        {
            byAcronym.TryAdd(entry.Acronym, entry.Id);
        }

        if (entry.GenericKey is { } key)
        {
            byGenericKey.TryAdd(key, entry.Id);
        }
    }

    private static void AddTo(Dictionary<string, List<int>> index, string key, int id)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(id) && list.Count < 64)
        {
            list.Add(id);
        }
    }

    private void MergeGenericOutlets()
    {
        foreach (var generic in entries)
        {
            if (generic.MergedInto >= 0 || !generic.IsGeneric || generic.Kind != ActorKindHint.Outlet || generic.Country is null
                || generic.Id == OutletId)
            {
                continue;
            }

            var named = entries.Where(
                e => e.MergedInto < 0 && !e.IsGeneric && e.Kind == ActorKindHint.Outlet && e.Country == generic.Country
                    && e.Id != OutletId).ToList();
            if (named.Count != 1)
            {
                continue;
            }

            var target = named[0];
            generic.MergedInto = target.Id;
            foreach (var alias in generic.Aliases)
            {
                AddAlias(target, alias);
            }

            target.Positions.AddRange(generic.Positions);
            target.Referenced |= generic.Referenced;
        }
    }

    private Entry NewEntry(string name, ActorKindHint kind, int position)
    {
        var entry = new Entry(entries.Count, name, kind);
        entries.Add(entry);
        _ = position;
        return entry;
    }

    private void AddAlias(Entry entry, string surface)
    {
        if (surface.Length > 0 && entry.Aliases.Count < 32 && !entry.Aliases.Contains(surface, StringComparer.Ordinal))
        {
            entry.Aliases.Add(surface);
            if (entry.NameTokens.Length <= 1 || surface.Contains(' ', StringComparison.Ordinal))
            {
                byNorm.TryAdd(NormalizeName(surface), entry.Id);
            }
        }

        if (entry.IsGeneric && surface.Contains("media", StringComparison.OrdinalIgnoreCase)
            && !entry.Name.Contains("media", StringComparison.OrdinalIgnoreCase))
        {
            entry.SetName(StripDeterminer(surface));
        }
    }

    private static string? GenericKey(ActorPhrase phrase)
    {
        var lower = phrase.Name.ToLowerInvariant();
        var kindClass = phrase.Kind switch
        {
            ActorKindHint.Outlet => "outlet",
            ActorKindHint.Government => "government",
            _ => null,
        };
        if (kindClass is null)
        {
            return null;
        }

        return (phrase.Country ?? "?") + "|" + kindClass + "|" + (kindClass == "outlet" ? string.Empty : lower);
    }

    private static ActorKindHint OrganizationKind(string name)
    {
        var kind = ActorKindClassifier.Classify(name, string.Empty, null, false, 0);
        return kind == ActorKindHint.Unknown ? ActorKindHint.Organization : kind;
    }

    private static string KindPrefix(ActorKindHint kind) => kind switch
    {
        ActorKindHint.Person => "person",
        ActorKindHint.Organization => "org",
        ActorKindHint.Outlet => "outlet",
        ActorKindHint.Government => "gov",
        _ => "actor",
    };

    internal static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }

            if (sb.Length >= 60)
            {
                break;
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "unnamed" : slug;
    }

    internal static string NormalizeName(string name)
    {
        var stripped = StripDeterminer(name).ToLowerInvariant().Replace('’', '\'');
        return ActorPhraseParser.StripPossessive(stripped);
    }

    private static string StripDeterminer(string name)
        => name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;

    private static string[] Tokens(string name) => name.Split([' '], StringSplitOptions.RemoveEmptyEntries);

    private sealed class Entry(int id, string name, ActorKindHint kind)
    {
        public int Id { get; } = id;

        public string Name { get; private set; } = name;

        public string Norm { get; private set; } = NormalizeName(name);

        public string[] NameTokens { get; private set; } = Tokens(name);

        public ActorKindHint Kind { get; set; } = kind;

        public List<string> Aliases { get; } = [];

        public List<int> Positions { get; } = [];

        public string? Role { get; set; }

        public string? Acronym { get; set; }

        public string? Country { get; set; }

        public bool IsGeneric { get; set; } = true;

        public int AffiliationId { get; set; } = -1;

        public int MergedInto { get; set; } = -1;

        public bool Referenced { get; set; }

        public string? GenericKey => IsGeneric ? (Country ?? "?") + "|" + (Kind == ActorKindHint.Outlet
            ? "outlet|"
            : Kind == ActorKindHint.Government ? "government|" + Norm : "other|" + Norm) : null;

        public void SetName(string name)
        {
            Name = name;
            Norm = NormalizeName(name);
            NameTokens = Tokens(name);
        }
    }
}
