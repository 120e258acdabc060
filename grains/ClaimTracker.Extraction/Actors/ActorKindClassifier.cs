namespace ClaimTracker.Extraction.Actors;

/// <summary>Judges an actor's kind from its name, the words around it and its role.</summary>
internal static class ActorKindClassifier
{
    public static ActorKindHint Classify(string name, string descriptor, string? role, bool hasTitle, int nameTokens)
    {
        var lowerName = name.ToLowerInvariant();
        if (NewsOutlets.Contains(lowerName) || NewsOutlets.Contains("the " + lowerName))
        {
            return ActorKindHint.Outlet;
        }

        var nameIsInstitution = ContainsAny(lowerName, Lexicons.GovernmentWords) || ContainsAny(lowerName, Lexicons.OrganizationWords)
            || ContainsAny(lowerName, Lexicons.OutletWords);
        if ((hasTitle || role is not null && IsPersonRole(role)) && !nameIsInstitution)
        {
            return ActorKindHint.Person;
        }

        if (ContainsAny(lowerName, Lexicons.GovernmentWords))
        {
            return ActorKindHint.Government;
        }

        var lowerDescriptor = descriptor.ToLowerInvariant();
        if (ContainsAny(lowerName, Lexicons.OutletWords) || ContainsAny(lowerDescriptor, Lexicons.OutletWords)
            || EndsWithAny(lowerName, Lexicons.OutletNameEndings))
        {
            return ActorKindHint.Outlet;
        }

        if (ContainsAny(lowerName, Lexicons.OrganizationWords))
        {
            return ActorKindHint.Organization;
        }

        if (ContainsAny(lowerDescriptor, Lexicons.GovernmentWords))
        {
            return ActorKindHint.Government;
        }

        if (IsAcronym(name))
        {
            return ActorKindHint.Organization;
        }

        if (nameTokens is >= 2 and <= 4 && char.IsUpper(name[0]) && !Lexicons.Countries.ContainsKey(lowerName))
        {
            return ActorKindHint.Person;
        }

        return ActorKindHint.Unknown;
    }

    public static bool IsPersonRole(string role)
    {
        foreach (var word in role.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Lexicons.PersonRoles.Contains(word.Trim(',', '.')) || Lexicons.Titles.Contains(word) && word.Length > 3)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsAcronym(string name)
    {
        if (name.Length is < 2 or > 8)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsUpper(c) && c != '.' && c != '&')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whole-word containment: "media" in "russian state media", not "intermediate".</summary>
    public static bool ContainsAny(string lowerText, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var at = lowerText.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0)
            {
                var startOk = at == 0 || !char.IsLetter(lowerText[at - 1]);
                var endOk = at + word.Length == lowerText.Length || !char.IsLetter(lowerText[at + word.Length]);
                if (startOk && endOk)
                {
                    return true;
                }

                at = lowerText.IndexOf(word, at + 1, StringComparison.Ordinal);
            }
        }

        return false;
    }

    private static bool EndsWithAny(string lowerName, string[] endings)
    {
        foreach (var ending in endings)
        {
            if (lowerName.EndsWith(" " + ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
