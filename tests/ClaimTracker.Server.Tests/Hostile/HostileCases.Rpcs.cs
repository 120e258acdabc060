using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Hostile;

/// <summary>
/// Cases for the RPCs added after the first ones: history, curation, search, interop and reliability,
/// and the plain HTTP routes (exports, TAXII 2.1, health).
/// </summary>
public static partial class HostileCases
{
    private const string FailedPrecondition = "FailedPrecondition";
    private const string Absent = "absent-claim";
    private const string OutOfRange = "OutOfRange";

    /// <summary>The RPCs that try to store something: a refusal must leave the store's row counts unchanged.</summary>
    public static readonly IReadOnlySet<string> WritingMethods = new HashSet<string>
    {
        "RegisterReport", "MergeClaims", "UnmergeClaims", "RelinkStatement", "RelateClaims", "UnrelateClaims",
        "CorrectReport", "RetractReport", "ImportStix", "SetReliabilityOverride", "RegisterReports", "MergeActors", "SplitActor",
    };

    /// <summary>
    /// The methods with hostile values in their fields (the first word of a case's name), for the check that every RPC has
    /// them. The wire cases are left out: they are generated from the service descriptor, so every method has them.
    /// </summary>
    public static IEnumerable<string> CoveredMethods =>
        Cases.Value.Keys.Where(name => !name.Contains(" wire ", StringComparison.Ordinal)).Select(name => name.Split(' ')[0]).Distinct();

    /// <summary>Fewer values for the secondary fields of the newer RPCs, to keep the suite fast.</summary>
    private static readonly Value[] CoreValues =
        [.. Values.Where(v => v.Name is "empty" or "huge" or "nul and bell" or "unix path" or "sql quote" or "bidi and zero width")];

    /// <summary>Ids that name something: invalid when blank, over 256 characters or with control characters; otherwise not found.</summary>
    private static string[] LookupRule(Value value) => IdRule(value) is [Ok] ? Expect(NotFound) : Expect(Invalid);

    /// <summary>Optional id filters: empty means "all"; otherwise as <see cref="LookupRule"/>, with no match being an empty page.</summary>
    private static string[] FilterRule(Value value) =>
        value.Text.Length == 0 ? Expect(Ok) : IdRule(value) is [Ok] ? Expect(Ok) : Expect(Invalid);

    /// <summary>Filters that narrow a listing: one that matches nothing is an empty page, whatever its characters.</summary>
    private static string[] AnyFilterRule(Value value) => Expect(Ok);

    /// <summary>Free-text queries: refused over <c>Limits:MaxQueryChars</c> (1,000), otherwise a page.</summary>
    private static string[] QueryRule(Value value) => value.Text.Length > 1000 ? QueryLimit : Expect(Ok);

    /// <summary>
    /// SearchClaims needs a text within the query limit; the suite's server links by exact text and keeps no index
    /// of meaning, so a valid search is FAILED_PRECONDITION (use ListClaims).
    /// </summary>
    private static string[] SearchRule(Value value) =>
        value.IsBlank || value.Text.Length > 1000 ? Expect(Invalid) : Expect(FailedPrecondition);

    /// <summary>Free text of a correction (reason, title): refused when too long; otherwise the absent subject is not found.</summary>
    private static string[] ReasonRule(Value value) => value.IsBlank || value.Text.Length > 16 * 1024 ? Expect(Invalid) : Expect(NotFound);

    private static string[] TitleRule(Value value) => value.Text.Length > 16 * 1024 ? Expect(Invalid) : Expect(NotFound);

    /// <summary>RelinkStatement's to_claim_id: empty founds a new claim (so the absent statement is what is not found).</summary>
    private static string[] NewClaimRule(Value value) => value.Text.Length == 0 ? Expect(NotFound) : LookupRule(value);

    /// <summary>RelinkStatement's stance: empty keeps the statement's own; anything else must be a stance's name.</summary>
    private static string[] StanceTextRule(Value value) => value.Text.Length == 0 ? Expect(NotFound) : Expect(Invalid);

    /// <summary>An override may name an actor before it is seen: a valid id is stored.</summary>
    private static string[] OverrideActorRule(Value value) => IdRule(value);

    /// <summary>A grade is one letter A–F, or empty to withdraw; a role is 'origin' or 'outlet'.</summary>
    private static string[] GradeRule(Value value) => value.Text.Length == 0 ? Expect(Ok) : Expect(Invalid);

    private static string[] RoleRule(Value value) => Expect(Invalid);

    private static string Prefixed(Value value) => value.IsBlank ? value.Text : "absent-" + value.Text;

    private sealed record Field(string Method, string Name, Value[] Values, Func<Value, string[]> Rule, Func<HostileTarget, string,
        Task> Call);

    private static IEnumerable<HostileCase> NewerRpcCases() =>
        FieldCases()
            .Concat(PagingCases())
            .Concat(EnumAndTimeCases())
            .Concat(ImportCases());

    private static IEnumerable<HostileCase> FieldCases()
    {
        var fields = new Field[]
        {
            new("GetClaimHistory", "claim_id", Values, LookupRule, (t, v) => t.Client.GetClaimHistoryAsync(new() { ClaimId = v })
                .ResponseAsync),
            new("GetClaimTimeline", "claim_id", Values, LookupRule, (t, v) => t.Client.GetClaimTimelineAsync(new() { ClaimId = v })
                .ResponseAsync),
            new("GetActorHistory", "actor_id", Values, LookupRule, (t, v) => t.Client.GetActorHistoryAsync(new() { ActorId = v })
                .ResponseAsync),
            new("MergeClaims", "source_claim_id", Values, LookupRule, (t, v) => t.Client.MergeClaimsAsync(Merge(v, t.SeedClaimId))
                .ResponseAsync),
            new("MergeClaims", "target_claim_id", CoreValues, LookupRule, (t, v) => t.Client.MergeClaimsAsync(Merge(t.SeedClaimId, v))
                .ResponseAsync),
            new("MergeClaims", "correction_id", CoreValues, LookupRule, (t, v) =>
                t.Client.MergeClaimsAsync(Merge(Absent, t.SeedClaimId, correctionId: v)).ResponseAsync),
            new("MergeClaims", "analyst", CoreValues, LookupRule, (t, v) =>
                t.Client.MergeClaimsAsync(Merge(Absent, t.SeedClaimId, analyst: v)).ResponseAsync),
            new("MergeClaims", "reason", CoreValues, ReasonRule, (t, v) =>
                t.Client.MergeClaimsAsync(Merge(Absent, t.SeedClaimId, reason: v)).ResponseAsync),
            new("UnmergeClaims", "merge_id", Values, LookupRule, (t, v) =>
                t.Client.UnmergeClaimsAsync(new() { CorrectionId = "hostile-unmerge", Analyst = "analyst", Reason = "r", MergeId = v })
                    .ResponseAsync),
            new("RelinkStatement", "statement_id", Values, LookupRule, (t, v) =>
                t.Client.RelinkStatementAsync(Relink(v, t.SeedClaimId, t.SeedClaimId)).ResponseAsync),
            new("RelinkStatement", "to_claim_id", CoreValues, NewClaimRule, (t, v) =>
                t.Client.RelinkStatementAsync(Relink("absent-statement", t.SeedClaimId, v)).ResponseAsync),
            new("RelinkStatement", "stance", CoreValues, StanceTextRule, (t, v) =>
                t.Client.RelinkStatementAsync(Relink("absent-statement", t.SeedClaimId, t.SeedClaimId, v)).ResponseAsync),
            new("RelateClaims", "subject_claim_id", Values, LookupRule, (t, v) => t.Client.RelateClaimsAsync(Relate(v, t.SeedClaimId))
                .ResponseAsync),
            new("RelateClaims", "object_claim_id", CoreValues, LookupRule, (t, v) => t.Client.RelateClaimsAsync(Relate(t.SeedClaimId, v))
                .ResponseAsync),
            new("UnrelateClaims", "subject_claim_id", Values, LookupRule, (t, v) =>
                t.Client.UnrelateClaimsAsync(Unrelate(v, t.SeedClaimId)).ResponseAsync),
            new("CorrectReport", "report_id", Values, LookupRule, (t, v) => t.Client.CorrectReportAsync(Correct(v, "Corrected title"))
                .ResponseAsync),
            new("CorrectReport", "title", CoreValues, TitleRule, (t, v) => t.Client.CorrectReportAsync(Correct("absent-report", v))
                .ResponseAsync),
            new("MergeActors", "source_actor_id", Values, LookupRule, (t, v) =>
                t.Client.MergeActorsAsync(MergeActors(v, "absent-a")).ResponseAsync),
            new("MergeActors", "target_actor_id", CoreValues, LookupRule, (t, v) =>
                t.Client.MergeActorsAsync(MergeActors("absent-a", v)).ResponseAsync),
            new("SplitActor", "actor_id", Values, LookupRule, (t, v) => t.Client.SplitActorAsync(
                new() { CorrectionId = "hostile-split", Analyst = "analyst", Reason = "r", ActorId = v, Alias = "Kim" }).ResponseAsync),
            new("RetractReport", "report_id", Values, LookupRule, (t, v) => t.Client.RetractReportAsync(
                new() { CorrectionId = "hostile-retract", Analyst = "analyst", Reason = "r", ReportId = v }).ResponseAsync),
            new("ListCorrections", "analyst", CoreValues, AnyFilterRule, (t, v) => t.Client.ListCorrectionsAsync(new() { Analyst = v })
                .ResponseAsync),
            new("ListCorrections", "claim_id", CoreValues, FilterRule, (t, v) => t.Client.ListCorrectionsAsync(new() { ClaimId = v })
                .ResponseAsync),
            new("ListCorrections", "report_id", CoreValues, FilterRule, (t, v) => t.Client.ListCorrectionsAsync(new() { ReportId = v })
                .ResponseAsync),
            new("SearchClaims", "text", Values, SearchRule, (t, v) => t.Client.SearchClaimsAsync(new() { Text = v }).ResponseAsync),
            new("ListStatements", "actor_id", Values, AnyFilterRule, (t, v) => t.Client.ListStatementsAsync(new() { ActorId = v })
                .ResponseAsync),
            new("ListStatements", "claim_id", CoreValues, AnyFilterRule, (t, v) => t.Client.ListStatementsAsync(new() { ClaimId = v })
                .ResponseAsync),
            new("ListStatements", "report_id", CoreValues, AnyFilterRule, (t, v) => t.Client.ListStatementsAsync(new() { ReportId = v })
                .ResponseAsync),
            new("ListReports", "outlet_actor_id", CoreValues, AnyFilterRule, (t, v) =>
                t.Client.ListReportsAsync(new() { OutletActorId = v }).ResponseAsync),
            new("ListReports", "query", Values, QueryRule, (t, v) => t.Client.ListReportsAsync(new() { Query = v }).ResponseAsync),
            new("ListSourceReliability", "actor_id", Values, AnyFilterRule, (t, v) =>
                t.Client.ListSourceReliabilityAsync(new() { ActorId = v }).ResponseAsync),
            new("ListReliabilityOverrides", "actor_id", Values, AnyFilterRule, (t, v) =>
                t.Client.ListReliabilityOverridesAsync(new() { ActorId = v }).ResponseAsync),
            new("SetReliabilityOverride", "actor_id", Values, OverrideActorRule, (t, v) => t.Client.SetReliabilityOverrideAsync(
                new() { ActorId = v, Role = "origin", Grade = "A", Reason = "r", Analyst = "analyst" }).ResponseAsync),
            new("SetReliabilityOverride", "grade", CoreValues, GradeRule, (t, v) => t.Client.SetReliabilityOverrideAsync(
                new() { ActorId = "absent-actor", Role = "origin", Grade = v, Reason = "r", Analyst = "analyst" }).ResponseAsync),
            new("SetReliabilityOverride", "role", CoreValues, RoleRule, (t, v) => t.Client.SetReliabilityOverrideAsync(
                new() { ActorId = "absent-actor", Role = v, Grade = "A", Reason = "r", Analyst = "analyst" }).ResponseAsync),
        };
        foreach (var field in fields)
        {
            var writes = WritingMethods.Contains(field.Method);
            foreach (var value in field.Values)
            {
                var text = field.Rule == LookupRule && field.Name.EndsWith("_id", StringComparison.Ordinal) ? Prefixed(value) : value.Text;
                var expected = field.Rule(value with { Text = text });
                yield return new HostileCase(
                    $"{field.Method} {field.Name} {value.Name}",
                    expected,
                    writes,
                    target => HostileTarget.CallAsync(() => field.Call(target, text)));
            }
        }
    }

    private static V1.MergeClaimsRequest Merge(string source, string target, string correctionId = "hostile-merge",
        string analyst = "analyst", string reason = "hostile") =>
        new() { CorrectionId = correctionId, Analyst = analyst, Reason = reason, SourceClaimId = source, TargetClaimId = target };

    private static V1.MergeActorsRequest MergeActors(string source, string target) =>
        new() { CorrectionId = "hostile-merge-actors", Analyst = "analyst", Reason = "r", SourceActorId = source, TargetActorId = target };

    private static V1.RelinkStatementRequest Relink(string statementId, string from, string to, string stance = "") => new()
    {
        CorrectionId = "hostile-relink", Analyst = "analyst", Reason = "r", StatementId = statementId, FromClaimId = from, ToClaimId = to,
        Stance = stance,
    };

    private static V1.RelateClaimsRequest Relate(string subject, string @object) => new()
    {
        CorrectionId = "hostile-relate", Analyst = "analyst", Reason = "r", SubjectClaimId = subject, ObjectClaimId = @object,
        Relation = V1.ClaimRelationKind.Refines,
    };

    private static V1.UnrelateClaimsRequest Unrelate(string subject, string @object) => new()
    {
        CorrectionId = "hostile-unrelate", Analyst = "analyst", Reason = "r", SubjectClaimId = subject, ObjectClaimId = @object,
        Relation = V1.ClaimRelationKind.Refines,
    };

    private static V1.CorrectReportRequest Correct(string reportId, string title) =>
        new() { CorrectionId = "hostile-correct", Analyst = "analyst", Reason = "r", ReportId = reportId, Title = title, Text = "t" };

    // --- Page tokens and page sizes of every paged RPC.

    private static IEnumerable<HostileCase> PagingCases()
    {
        var paged = new (string Method, Func<HostileTarget, string, int, Task> Call)[]
        {
            ("GetClaimHistory", (t, token, size) =>
                t.Client.GetClaimHistoryAsync(new() { ClaimId = t.SeedClaimId, PageToken = token, PageSize = size }).ResponseAsync),
            ("GetClaimTimeline", (t, token, size) =>
                t.Client.GetClaimTimelineAsync(new() { ClaimId = t.SeedClaimId, PageToken = token, PageSize = size }).ResponseAsync),
            ("GetActorHistory", (t, token, size) =>
                t.Client.GetActorHistoryAsync(new() { ActorId = t.SeedActorId, PageToken = token, PageSize = size }).ResponseAsync),
            ("GetActor claim", (t, token, size) =>
                t.Client.GetActorAsync(new() { ActorId = t.SeedActorId, ClaimPageToken = token, ClaimPageSize = size }).ResponseAsync),
            ("GetActor sighting", (t, token, size) =>
                t.Client.GetActorAsync(new() { ActorId = t.SeedActorId, SightingPageToken = token, SightingPageSize = size })
                    .ResponseAsync),
            ("ListCorrections", (t, token, size) => t.Client.ListCorrectionsAsync(new() { PageToken = token, PageSize = size })
                .ResponseAsync),
            ("ListStatements", (t, token, size) => t.Client.ListStatementsAsync(new() { PageToken = token, PageSize = size })
                .ResponseAsync),
            ("ListReports", (t, token, size) => t.Client.ListReportsAsync(new() { PageToken = token, PageSize = size }).ResponseAsync),
        };
        var tokens = new[] { "garbage", "p-1", "' OR 1=1 --", "before:-1", new string('9', 5000), "\u0000" };
        foreach (var (method, call) in paged)
        {
            foreach (var token in tokens)
            {
                yield return Read($"{method} page_token {Slug(token)}", Expect(Invalid), t => call(t, token, 0));
            }

            foreach (var (size, expected) in new[] { (-1, Invalid), (int.MinValue, Invalid), (int.MaxValue, Ok), (0, Ok) })
            {
                yield return Read($"{method} page_size {size}", Expect(expected), t => call(t, string.Empty, size));
            }
        }

        foreach (var (limit, expected) in new[] { (-1, Invalid), (int.MinValue, Invalid), (int.MaxValue, FailedPrecondition) })
        {
            yield return Read($"SearchClaims limit {limit}", Expect(expected), t =>
                t.Client.SearchClaimsAsync(new() { Text = "seed", Limit = limit }).ResponseAsync);
        }
    }

    // --- Unknown enum values, versions and timestamps out of range.

    private static readonly (string Name, long Seconds, int Nanos, string Expected)[] BadTimes =
    [
        ("before year 1", -62_135_596_801, 0, Invalid),
        ("after year 9999", 253_402_300_800, 0, Invalid),
        ("far future", long.MaxValue, 0, Invalid),
        ("negative nanos", 0, -1, Invalid),
        ("nanos of a second", 0, 1_000_000_000, Invalid),
    ];

    private static IEnumerable<HostileCase> EnumAndTimeCases()
    {
        foreach (var kind in new[] { -1, 99, int.MaxValue })
        {
            yield return new HostileCase($"RelateClaims relation {kind}", Expect(Invalid), Writes: true, t => HostileTarget.CallAsync(() =>
                t.Client.RelateClaimsAsync(WithKind(Relate(t.SeedClaimId, t.SeedClaimId), kind)).ResponseAsync));
            yield return new HostileCase($"UnrelateClaims relation {kind}", Expect(Invalid), Writes: true, t =>
                HostileTarget.CallAsync(() =>
                t.Client.UnrelateClaimsAsync(WithKind(Unrelate(t.SeedClaimId, t.SeedClaimId), kind)).ResponseAsync));
            yield return Read($"ListStatements stance {kind}", Expect(Invalid), t =>
                t.Client.ListStatementsAsync(new() { Stance = (V1.Stance)kind }).ResponseAsync);
        }

        foreach (var (name, seconds, nanos, expected) in BadTimes)
        {
            var time = new Timestamp { Seconds = seconds, Nanos = nanos };
            yield return Read($"GetClaim as_of {name}", Expect(expected), t =>
                t.Client.GetClaimAsync(new() { ClaimId = t.SeedClaimId, AsOf = time }).ResponseAsync);
            yield return Read($"GetActor as_of {name}", Expect(expected), t =>
                t.Client.GetActorAsync(new() { ActorId = t.SeedActorId, AsOf = time }).ResponseAsync);
            yield return Read($"ListCorrections since {name}", Expect(expected), t => t.Client.ListCorrectionsAsync(new() { Since = time })
                .ResponseAsync);
            yield return Read($"ListStatements published_after {name}", Expect(expected), t =>
                t.Client.ListStatementsAsync(new() { PublishedAfter = time }).ResponseAsync);
            yield return Read($"ListReports published_before {name}", Expect(expected), t =>
                t.Client.ListReportsAsync(new() { PublishedBefore = time }).ResponseAsync);
        }

        // Past the last version: OUT_OF_RANGE, with the versions there are.
        var versions = new[] { (-1L, Invalid), (long.MinValue, Invalid), (long.MaxValue, OutOfRange), (999L, OutOfRange) };
        foreach (var (version, expected) in versions)
        {
            yield return Read($"GetClaim version {version}", Expect(expected), t =>
                t.Client.GetClaimAsync(new() { ClaimId = t.SeedClaimId, Version = version }).ResponseAsync);
            yield return Read($"GetActor version {version}", Expect(expected), t =>
                t.Client.GetActorAsync(new() { ActorId = t.SeedActorId, Version = version }).ResponseAsync);
        }

        foreach (var stance in new[] { "99", "1", "-1", "UNSPECIFIED", "supports;" })
        {
            yield return new HostileCase($"RelinkStatement stance {Slug(stance)}", Expect(Invalid), Writes: true, t =>
                HostileTarget.CallAsync(() =>
                    t.Client.RelinkStatementAsync(Relink("absent-statement", t.SeedClaimId, t.SeedClaimId, stance)).ResponseAsync));
        }

        foreach (var (name, seconds, nanos, expected) in BadTimes.Take(2))
        {
            var time = new Timestamp { Seconds = seconds, Nanos = nanos };
            yield return Read($"ListCorrections until {name}", Expect(expected), t =>
                t.Client.ListCorrectionsAsync(new() { Until = time }).ResponseAsync);
        }

        var epoch = new Timestamp();
        yield return Read("GetClaim as_of with version", Expect(Invalid), t =>
            t.Client.GetClaimAsync(new() { ClaimId = t.SeedClaimId, AsOf = epoch, Version = 1 }).ResponseAsync);
        yield return Read("GetActor as_of with version", Expect(Invalid), t =>
            t.Client.GetActorAsync(new() { ActorId = t.SeedActorId, AsOf = epoch, Version = 1 }).ResponseAsync);
    }

    private static V1.RelateClaimsRequest WithKind(V1.RelateClaimsRequest request, int kind)
    {
        request.Relation = (V1.ClaimRelationKind)kind;
        return request;
    }

    private static V1.UnrelateClaimsRequest WithKind(V1.UnrelateClaimsRequest request, int kind)
    {
        request.Relation = (V1.ClaimRelationKind)kind;
        return request;
    }

    // --- ImportStix: bundles that are not JSON, not STIX, or too deep.

    private static IEnumerable<HostileCase> ImportCases()
    {
        var bundles = new (string Name, string Json, string Expected)[]
        {
            ("empty", string.Empty, Invalid),
            ("not json", "not json", Invalid),
            ("open brace", "{", Invalid),
            ("array", "[]", Invalid),
            ("null", "null", Invalid),
            ("not a bundle", """{"type":"report","id":"report--x"}""", Invalid),
            ("objects not a list", """{"type":"bundle","id":"bundle--1","objects":"x"}""", Ok),
            ("nesting 10,000 deep", new string('[', 10_000) + new string(']', 10_000), Invalid),
            ("huge", "{\"type\":\"bundle\",\"id\":\"" + new string('b', 100_000) + "\",\"objects\":[]}", Ok),
            ("empty bundle", """{"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000000","objects":[]}""", Ok),
            ("report with hostile id",
                """{"type":"bundle","id":"bundle--1","objects":[{"type":"report","id":"report--../../etc/passwd\u0000","name":"x"}]}""",
                Ok),
        };
        foreach (var (name, json, expected) in bundles)
        {
            // A bundle the server accepts imports what maps and lists the rest as unmapped: none of these imports a report.
            yield return new HostileCase($"ImportStix bundle {name}", Expect(expected), Writes: true, async t =>
            {
                V1.ImportStixResponse? imported = null;
                var request = new V1.ImportStixRequest { BundleJson = json };
                var answer = await HostileTarget.CallAsync(async () => imported = await t.Client.ImportStixAsync(request));
                return imported is { ImportedReportIds.Count: > 0 } ? new Answer("imported", imported.ToString()) : answer;
            });
        }
    }

    // --- Plain HTTP routes and the JSON routes of the newer RPCs.

    private static IEnumerable<HostileCase> NewerHttpCases()
    {
        var gets = new (string Path, string Expected)[]
        {
            ("/v1/exports/stix?status=99", Http400),
            ("/v1/exports/stix?status=BOGUS", Http400),
            ("/v1/exports/stix?limit=-1", Http400),
            ("/v1/exports/stix?limit=abc", Http400),
            ("/v1/exports/stix?claim=x&status=CORROBORATED", Http400),
            ("/v1/exports/stix?query=%00%27%22&actor=..%2F..%2F", Http200),
            ("/v1/exports/stix?claim=%27%20OR%201%3D1%20--", Http404),
            ("/v1/exports/claimreview?limit=99999999999", Http400),
            ("/v1/exports/claimreview?status=-1", Http400),
            ("/v1/exports/claimreview?base_url=javascript%3Aalert(1)", Http400),
            ("/v1/exports/claimreview?reviewer=%0D%0AX-Injected:%20yes", Http200),
            ("/taxii2/", Http200),
            ("/taxii2/claimtracker/", Http200),
            ("/taxii2/claimtracker/collections/", Http200),
            ("/taxii2/claimtracker/collections/absent/", Http404),
            ("/taxii2/claimtracker/collections/..%2F..%2Fetc%2Fpasswd/", Http404),
            ("/taxii2/claimtracker/collections/%27%20OR%201%3D1/objects/", Http404),
            ("/taxii2/claimtracker/collections/claims/objects/?limit=-1", Http400),
            ("/taxii2/claimtracker/collections/claims/objects/?limit=abc", Http400),
            ("/taxii2/claimtracker/collections/claims/objects/?added_after=yesterday", Http400),
            ("/taxii2/claimtracker/collections/claims/objects/?added_after=10000-01-01T00:00:00Z", Http400),
            ("/taxii2/claimtracker/collections/claims/objects/?next=garbage", Http400),
            ("/taxii2/claimtracker/collections/claims/objects/?next=%27%20OR%201%3D1", Http400),
            ("/taxii2/claimtracker/collections/claims/objects/?match[version]=first", Http400),
            ("/taxii2/claimtracker/collections/claims/objects/?match[type]=%00", Http200),
            ("/taxii2/claimtracker/collections/claims/manifest/?limit=99999999999", Http400),
            ("/taxii2/claimtracker/collections/claims/manifest/?next=p-1", Http400),
            ("/healthz?x=%00", Http200),
            ("/readyz?x=..%2F", Http200),
            ("/v1/claims/c-absent/history", Http404),
            ("/v1/claims/c-absent/history?pageToken=garbage", Http400),
            ("/v1/claims/a%00b/timeline", Http400),
            ("/v1/actors/a-absent/history?pageSize=-1", Http400),
            ("/v1/corrections?pageToken=%27", Http400),
            ("/v1/corrections?since=yesterday", Http400),
            ("/v1/statements?stance=99", Http400),
            ("/v1/statements?pageSize=-1", Http400),
            ("/v1/reports?publishedAfter=10000-01-01T00:00:00Z", Http400),
            ("/v1/reports?query=%00%27%22", Http200),
            ("/v1/reliability?actorId=a%00b", Http200),
            ("/v1/reliability/overrides?actorId=..%2F..%2F", Http200),
        };
        foreach (var (path, expected) in gets)
        {
            yield return new HostileCase($"GET {path}", Expect(expected), Writes: false, target => target.HttpAsync(HttpMethod.Get, path));
        }

        var posts = new (string Path, string Body, string Expected)[]
        {
            ("/v1/claims:merge", "not json", Http400),
            ("/v1/claims:merge", """{"sourceClaimId":"a\u0000b","targetClaimId":"c"}""", Http400),
            ("/v1/claims:unmerge", "[]", Http400),
            ("/v1/statements/a%00b:relink", "{}", Http400),
            ("/v1/claims:relate", """{"relation":"BOGUS"}""", Http400),
            ("/v1/claims:unrelate", "{", Http400),
            ("/v1/reports/absent-report:correct", """{"title":5}""", Http400),
            ("/v1/reports/absent-report:retract", """{"correctionId":"c","analyst":"a","reason":"r"}""", Http404),
            ("/v1/claims:search", new string('[', 10_000), Http400),
            ("/v1/imports/stix", """{"bundleJson":"not json"}""", Http400),
            ("/v1/reliability/overrides", """{"actorId":"","grade":"Z"}""", Http400),
        };
        foreach (var (path, body, expected) in posts)
        {
            yield return new HostileCase($"POST {path} {Slug(body)}", Expect(expected), Writes: true, target =>
            {
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return target.HttpAsync(HttpMethod.Post, path, content);
            });
        }
    }
}
