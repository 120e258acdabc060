using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Tests;

/// <summary>
/// The README's story as the API would return it, built by hand: one figure carried by two outlets
/// from one AFP dispatch (origin "Ukrainian data"), confirmed by Reuters from a second origin, then
/// denied by TASS (CONTESTED, grade 4); and a hedged remark by Peskov carried by a report the export
/// has no record of, through "Russian state media", an intermediary with no actor id.
/// </summary>
internal static class Story
{
    public const string Shells = "c-shells";
    public const string Cosmonaut = "c-cosmonaut";

    public static readonly DateTimeOffset Published = new(2023, 9, 13, 12, 0, 0, TimeSpan.Zero);

    public static V1.Actor Actor(string id, string name, V1.ActorKind kind, string firstReport, params string[] aliases)
    {
        var actor = new V1.Actor { ActorId = id, Name = name, Kind = kind, StatementCount = 1 };
        actor.Aliases.Add(name);
        actor.Aliases.Add(aliases);
        actor.AliasSightings.Add(new V1.AliasSighting { Alias = name, ReportId = firstReport });
        foreach (var alias in aliases)
        {
            actor.AliasSightings.Add(new V1.AliasSighting { Alias = alias, ReportId = "story-c" });
        }

        return actor;
    }

    public static List<V1.Actor> Actors() =>
    [
        Actor("a-kyiv-independent", "Kyiv Independent", V1.ActorKind.Outlet, "story-a"),
        Actor("a-le-monde", "Le Monde", V1.ActorKind.Outlet, "story-b"),
        Actor("a-reuters", "Reuters", V1.ActorKind.Outlet, "story-c"),
        Actor("a-tass", "TASS", V1.ActorKind.Outlet, "story-d"),
        Actor("a-afp", "AFP", V1.ActorKind.Outlet, "story-a", "Agence France-Presse"),
        Actor("a-ukrainian-data", "Ukrainian data", V1.ActorKind.Organization, "story-a"),
        Actor("a-estonian-defence-intelligence", "Estonian defence intelligence", V1.ActorKind.Government, "story-c"),
        Actor("a-russian-ministry-of-defence", "Russian Ministry of Defence", V1.ActorKind.Government, "story-d"),
        Actor("a-dmitry-peskov", "Dmitry Peskov", V1.ActorKind.Person, "story-e", "Kremlin spokesman Dmitry Peskov"),
    ];

    public static V1.Report Report(string id, string source, string sourceActorId, int hour)
    {
        var report = new V1.Report
        {
            ReportId = id,
            Source = source,
            SourceActorId = sourceActorId,
            Url = $"https://example.org/{id}",
            Title = $"{source} on shelling rates",
            PublishedAt = Timestamp.FromDateTimeOffset(Published.AddHours(hour)),
            RegisteredAt = Timestamp.FromDateTimeOffset(Published.AddHours(hour).AddMinutes(5).AddTicks(12_345)),
        };
        report.StatementIds.Add($"s-{id}-0");
        return report;
    }

    /// <summary>Reports A–D; "story-e", which Peskov's statement comes from, is deliberately missing.</summary>
    public static List<V1.Report> Reports() =>
    [
        Report("story-a", "Kyiv Independent", "a-kyiv-independent", 0),
        Report("story-b", "Le Monde", "a-le-monde", 1),
        Report("story-c", "Reuters", "a-reuters", 2),
        Report("story-d", "TASS", "a-tass", 3),
    ];

    public static V1.Statement Statement(
        string reportId,
        string source,
        string speaker,
        string speakerId,
        string[] via,
        string[] viaIds,
        V1.Stance stance,
        int hour,
        string content)
    {
        var statement = new V1.Statement
        {
            StatementId = $"s-{reportId}-0",
            ReportId = reportId,
            ActorId = speakerId,
            OriginActorId = speakerId,
            Speaker = speaker,
            Content = content,
            Stance = stance,
            Modality = V1.Modality.Asserted,
            StanceReason = stance == V1.Stance.Contradicts ? "denial: fabricated" : "same proposition",
            ClaimId = Shells,
            Source = source,
            Cue = "according to",
            PublishedAt = Timestamp.FromDateTimeOffset(Published.AddHours(hour)),
            RecordedAt = Timestamp.FromDateTimeOffset(Published.AddHours(hour).AddMinutes(5).AddTicks(98_765)),
        };
        statement.Via.Add(via);
        statement.ViaActorIds.Add(viaIds);
        return statement;
    }

    public static V1.Claim ShellsClaim()
    {
        var claim = new V1.Claim
        {
            ClaimId = Shells,
            Text = "Russian forces fire up to 60,000 artillery shells per day",
            Status = V1.CorroborationStatus.Contested,
            Credibility = 4,
            StatementCount = 4,
            FirstReportedAt = Timestamp.FromDateTimeOffset(Published.AddMinutes(5)),
            UpdatedAt = Timestamp.FromDateTimeOffset(Published.AddHours(3).AddMinutes(5).AddTicks(4_321)),
            Version = 4,
        };
        claim.StatusReasons.Add("supported by 2 independent origins: Ukrainian data, Estonian defence intelligence");
        claim.StatusReasons.Add("contradicted by 1 independent origin: Russian Ministry of Defence");
        claim.StatusReasons.Add("credibility 4: doubtful");
        claim.SupportingOrigins.Add(["a-ukrainian-data", "a-estonian-defence-intelligence"]);
        claim.ContradictingOrigins.Add("a-russian-ministry-of-defence");
        claim.ActorIds.Add(["a-ukrainian-data", "a-estonian-defence-intelligence", "a-russian-ministry-of-defence"]);
        // Most recent first, as GetClaim returns them.
        claim.Statements.Add(Statement(
            "story-d",
            "TASS",
            "Russian Ministry of Defence",
            "a-russian-ministry-of-defence",
            [],
            [],
            V1.Stance.Contradicts,
            3,
            "Ukrainian claims about Russian shelling rates are fabricated"));
        claim.Statements.Add(Statement(
            "story-c",
            "Reuters",
            "Estonian defence intelligence",
            "a-estonian-defence-intelligence",
            [],
            [],
            V1.Stance.Supports,
            2,
            claim.Text));
        claim.Statements.Add(
            Statement("story-b", "Le Monde", "Ukrainian data", "a-ukrainian-data", ["AFP"], ["a-afp"], V1.Stance.Supports, 1, claim.Text));
        claim.Statements.Add(Statement(
            "story-a",
            "Kyiv Independent",
            "Ukrainian data",
            "a-ukrainian-data",
            ["AFP"],
            ["a-afp"],
            V1.Stance.Supports,
            0,
            claim.Text));
        return claim;
    }

    public static V1.Claim CosmonautClaim()
    {
        var claim = new V1.Claim
        {
            ClaimId = Cosmonaut,
            Text = "A North Korean cosmonaut could fly to space",
            Status = V1.CorroborationStatus.Uncorroborated,
            Credibility = 6,
            StatementCount = 1,
            FirstReportedAt = Timestamp.FromDateTimeOffset(Published.AddHours(5)),
            UpdatedAt = Timestamp.FromDateTimeOffset(Published.AddHours(5)),
            Version = 1,
        };
        claim.StatusReasons.Add("hedged statements from Dmitry Peskov not counted");
        claim.StatusReasons.Add("credibility 6: truth cannot be judged");
        var statement = Statement(
            "story-e",
            "Example Outlet",
            "Kremlin spokesman Dmitry Peskov",
            "a-dmitry-peskov",
            ["Russian state media"],
            [],
            V1.Stance.Supports,
            5,
            claim.Text);
        statement.ClaimId = Cosmonaut;
        statement.Modality = V1.Modality.Hedged;
        statement.Quote = "It is possible";
        statement.Cue = "quoted him as saying";
        claim.Statements.Add(statement);
        return claim;
    }

    public static ExportData Data() => new([ShellsClaim(), CosmonautClaim()], Actors(), Reports());
}
