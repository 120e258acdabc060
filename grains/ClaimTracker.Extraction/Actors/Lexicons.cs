namespace ClaimTracker.Extraction.Actors;

/// <summary>Word lists that tell what kind of actor a phrase names.</summary>
internal static class Lexicons
{
    /// <summary>Titles that precede a person's name and are not part of it.</summary>
    public static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen", "gen.", "general",
        "sen", "sen.", "senator", "gov", "gov.", "governor", "rep", "rep.", "representative", "secretary", "chancellor",
        "king", "queen", "prince", "princess", "pope", "judge", "justice", "ambassador", "admiral", "adm.", "colonel",
        "col.", "lt.", "lieutenant", "major", "maj.", "captain", "capt.", "mayor", "chairman", "chairwoman", "ceo",
        "director", "spokesman", "spokeswoman", "spokesperson", "former", "foreign", "defense", "defence", "state",
        "vice", "deputy", "first", "lady", "sir", "dame", "lord", "sheikh", "ayatollah", "commander", "marshal", "field",
        "premier", "leader", "speaker", "attorney", "interior", "finance", "sergeant", "sgt.", "prof.", "professor",
        "rev.", "reverend", "father", "brother", "sister", "cardinal", "archbishop", "bishop", "rabbi", "imam", "candidate",
        "nominee", "democrat", "republican", "gop", "democratic", "senior", "top", "u.s.", "u.n.", "eu",
    };

    /// <summary>Lower-case role nouns: a phrase with one of them names a person.</summary>
    public static readonly HashSet<string> PersonRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "spokesman", "spokeswoman", "spokesperson", "leader", "president", "analyst", "researcher", "minister", "official",
        "chief", "head", "director", "secretary", "envoy", "ambassador", "general", "commander", "lawmaker", "senator",
        "scholar", "expert", "professor", "economist", "adviser", "advisor", "aide", "candidate", "nominee", "governor",
        "mayor", "chairman", "chairwoman", "founder", "ceo", "executive", "strategist", "consultant", "fellow",
        "correspondent", "reporter", "editor", "columnist", "author", "historian", "lawyer", "attorney", "judge",
        "prosecutor", "activist", "campaigner", "congressman", "congresswoman", "representative", "manager",
        "politician", "diplomat", "officer", "soldier", "colonel", "pollster", "surrogate", "supporter", "critic",
        "member", "partner", "co-founder", "veteran", "doctor", "scientist", "physician", "spokesmen", "deputy",
        "premier", "chancellor", "king", "queen", "prince", "pope", "mother", "father", "wife", "husband", "son",
        "daughter", "teacher", "student", "resident", "voter", "owner", "coach", "player", "star", "actor", "singer",
        "host", "anchor", "commentator", "blogger", "writer", "investor", "businessman", "businesswoman", "billionaire",
    };

    public static readonly string[] OutletWords =
    [
        "media", "television", "tv", "newspaper", "news agency", "broadcaster", "radio", "channel", "magazine",
        "tabloid", "wire", "outlet", "daily", "press agency", "news service", "website", "paper", "network",
    ];

    public static readonly string[] OutletNameEndings =
    [
        "times", "post", "news", "journal", "herald", "tribune", "gazette", "telegraph", "guardian", "express",
        "mail", "mirror", "observer", "chronicle", "broadcasting", "tv", "press", "daily", "agency", "review",
    ];

    public static readonly string[] GovernmentWords =
    [
        "kremlin", "white house", "pentagon", "ministry", "department", "government", "parliament", "congress",
        "senate", "cabinet", "army", "navy", "air force", "military", "intelligence", "police", "foreign office",
        "embassy", "general staff", "downing street", "state department", "administration", "authorities",
        "officials", "prosecutor", "prosecutors", "court", "élysée", "elysee", "presidency", "armed forces",
        "defense", "defence", "security service", "fbi", "cia", "nsa", "kgb", "fsb", "sbu", "hur", "mod", "duma",
        "national assembly", "legislature", "customs", "coast guard", "border guard", "interior", "treasury",
    ];

    public static readonly string[] OrganizationWords =
    [
        "institute", "council", "university", "foundation", "association", "center", "centre", "committee",
        "commission", "bank", "company", "corporation", "corp", "inc", "group", "party", "union", "organization",
        "organisation", "society", "league", "fund", "agency", "campaign", "chamber", "federation", "board", "office",
        "club", "school", "college", "network", "alliance", "coalition", "partners", "trust", "watch", "forum",
        "project", "studies", "research", "laboratory", "lab", "hospital", "church", "ltd", "plc", "llc", "pac",
        "super pac", "firm", "industry", "industries", "airlines", "motors", "team", "nato", "imf",
        "opec", "european union", "united nations", "world bank", "poll", "survey", "study", "report",
    ];

    public static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "him", "her", "they", "them", "it", "we", "i", "who", "which", "that", "his", "you", "me", "us",
    };

    /// <summary>Demonyms and possessive country forms mapped to a country key.</summary>
    public static readonly Dictionary<string, string> Countries = BuildCountries();

    private static Dictionary<string, string> BuildCountries()
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string country, params string[] forms)
        {
            d[country] = country;
            foreach (var f in forms)
            {
                d[f] = country;
            }
        }

        Add("north korea", "north korean", "pyongyang", "dprk");
        Add("south korea", "south korean", "seoul");
        Add("russia", "russian", "moscow");
        Add("ukraine", "ukrainian", "kyiv", "kiev");
        Add("china", "chinese", "beijing");
        Add("united states", "american", "u.s.", "us", "washington", "america");
        Add("united kingdom", "british", "uk", "u.k.", "britain", "london");
        Add("germany", "german", "berlin");
        Add("france", "french", "paris");
        Add("japan", "japanese", "tokyo");
        Add("iran", "iranian", "tehran");
        Add("israel", "israeli");
        Add("syria", "syrian", "damascus");
        Add("turkey", "turkish", "ankara");
        Add("india", "indian");
        Add("pakistan", "pakistani");
        Add("iraq", "iraqi");
        Add("afghanistan", "afghan");
        Add("saudi arabia", "saudi");
        Add("egypt", "egyptian");
        Add("italy", "italian");
        Add("spain", "spanish");
        Add("poland", "polish");
        Add("belarus", "belarusian");
        Add("mexico", "mexican");
        Add("canada", "canadian");
        Add("australia", "australian");
        Add("europe", "european");
        return d;
    }
}
