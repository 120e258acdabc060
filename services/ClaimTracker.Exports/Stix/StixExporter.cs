using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Stix;

/// <summary>
/// Turns claims, their statements, actors and reports into one STIX 2.1 bundle:
/// <list type="bullet">
/// <item>an <c>identity</c> per actor (speakers, intermediaries, outlets), with its reliability grades when known;</item>
/// <item>a <c>report</c> per report, created by its outlet, listing the objects it gave rise to;</item>
/// <item>a <c>note</c> per claim (the proposition, its corroboration status and reasons) with
/// <c>confidence</c> from its Admiralty credibility grade;</item>
/// <item>an <c>opinion</c> per statement, created by its speaker, agreeing or disagreeing with the claim's note;</item>
/// <item>a <c>related-to</c> relationship per hop of each report's attribution chains, from the inner
/// actor to the one that relayed it (speaker → agency → outlet).</item>
/// </list>
/// Output depends only on the input: ids are UUIDv5 of ClaimTracker ids, statements are taken in
/// time order whatever order they came in, and no clock is read.
/// </summary>
public static partial class StixExporter
{
    public const string SpecVersion = "2.1";

    /// <summary>The <c>source_name</c> of external references that carry ClaimTracker's own ids.</summary>
    public const string SourceName = "claimtracker";

    /// <summary>
    /// Custom identity property with the source's reliability grade A–F per role, e.g. <c>{"origin": "D", "outlet": "B"}</c>,
    /// as the grade board had it when the statements were read (only when they carry grades: TAXII objects do not).
    /// </summary>
    public const string ReliabilityProperty = "x_claimtracker_reliability";

    private const string OriginRole = "origin";
    private const string OutletRole = "outlet";

    public static JsonObject BuildBundle(ExportData data) => new BundleBuilder(data).Build();

    public static void Write(Utf8JsonWriter writer, ExportData data) => BuildBundle(data).WriteTo(writer);

    public static void Write(Stream stream, ExportData data, bool indented = true) => ExportJson.Write(stream, BuildBundle(data), indented);

    /// <summary>
    /// Builds a bundle's objects from one <see cref="ExportData"/>, or from several chunks in turn (a streamed export):
    /// notes, opinions and relationships are ready as soon as their claim is added; identities and reports gather
    /// references from every chunk and are complete only at the end.
    /// </summary>
    private sealed class BundleBuilder(ExportData initial)
    {
        private ExportData data = initial;
        private readonly Dictionary<string, IdentityDraft> identities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ReportDraft> reports = new(StringComparer.Ordinal);
        private readonly List<JsonObject> notes = [];
        private readonly List<JsonObject> opinions = [];
        private readonly List<JsonObject> relationships = [];
        private readonly HashSet<string> relationshipIds = new(StringComparer.Ordinal);

        public JsonObject Build()
        {
            Add(data);
            var objects = new List<JsonObject>();
            objects.AddRange(SourceObjects(data));
            objects.AddRange(TakeClaimObjects());

            var bundle = new JsonObject
            {
                ["type"] = "bundle",
                ["id"] = StixIds.For("bundle", ContentKey(objects)),
            };
            // STIX forbids empty lists: a bundle with nothing in it has no objects property at all.
            if (objects.Count > 0)
            {
                bundle["objects"] = new JsonArray([.. objects]);
            }

            return bundle;
        }

        /// <summary>Adds the claims of <paramref name="chunk"/>, looking their actors and reports up in it.</summary>
        public void Add(ExportData chunk)
        {
            data = chunk;
            foreach (var claim in chunk.Claims)
            {
                AddClaim(claim);
            }
        }

        /// <summary>The notes, opinions and relationships added since the last call, in that order.</summary>
        public List<JsonObject> TakeClaimObjects()
        {
            List<JsonObject> objects = [.. notes, .. opinions, .. relationships];
            notes.Clear();
            opinions.Clear();
            relationships.Clear();
            return objects;
        }

        /// <summary>Identities then reports, dated from the actors and reports in <paramref name="lookup"/>.</summary>
        public IEnumerable<JsonObject> SourceObjects(ExportData lookup) =>
            identities.Values.Select(i => i.ToStix(lookup)).Concat(reports.Values.Select(r => r.ToStix()));

        private void AddClaim(V1.Claim claim)
        {
            var statements = claim.Statements
                .GroupBy(s => s.StatementId, StringComparer.Ordinal).Select(g => g.First())
                .OrderBy(s => StatementTime(s))
                .ThenBy(s => ExportJson.Time(s.RecordedAt) ?? DateTimeOffset.MinValue)
                .ThenBy(s => s.StatementId, StringComparer.Ordinal)
                .ToList();
            if (statements.Count == 0)
            {
                // A note needs object_refs, and a claim is only known through its statements.
                return;
            }

            var noteId = StixIds.For("note", "claim:" + claim.ClaimId);
            var noteReports = new List<string>();
            foreach (var statement in statements)
            {
                var report = ReportFor(statement);
                if (!noteReports.Contains(report.Id))
                {
                    noteReports.Add(report.Id);
                }

                AddStatement(statement, report, noteId);
            }

            var first = ExportJson.Time(claim.FirstReportedAt) ?? statements.Select(StatementTime).Min();
            var created = ExportJson.ToMilliseconds(first);
            var modified = ExportJson.ToMilliseconds(Max(ExportJson.Time(claim.UpdatedAt) ?? created, created));
            var note = Common("note", noteId, null, created, modified);
            note["abstract"] = claim.Text;
            note["content"] = NoteContent(claim);
            note["authors"] = Strings(["ClaimTracker"]);
            note["object_refs"] = Strings(noteReports);
            note["labels"] = Strings(
                ["claim", StixMappings.Label("status", claim.Status.ToString()), "admiralty-credibility-" + claim.Credibility]);
            if (StixMappings.Confidence(claim.Credibility) is { } confidence)
            {
                note["confidence"] = confidence;
            }

            note["external_references"] = new JsonArray(ClaimTrackerReference(claim.ClaimId));
            notes.Add(note);

            foreach (var report in noteReports)
            {
                reports[report].Refer(noteId);
            }
        }

        private void AddStatement(V1.Statement statement, ReportDraft report, string noteId)
        {
            var recorded = ExportJson.Time(statement.RecordedAt) ?? StatementTime(statement);
            var at = ExportJson.ToMilliseconds(recorded);

            // The chain from the outlet inwards: outlet → intermediaries (nearest the outlet first) → speaker.
            var chain = new List<IdentityDraft> { report.Outlet };
            for (var i = 0; i < statement.Via.Count; i++)
            {
                var viaActorId = i < statement.ViaActorIds.Count ? statement.ViaActorIds[i] : string.Empty;
                chain.Add(Identity(viaActorId, statement.Via[i], V1.ActorKind.Unspecified, report.Time));
            }

            var speaker = Identity(statement.ActorId, statement.Speaker, V1.ActorKind.Unspecified, report.Time);
            chain.Add(speaker);
            report.Outlet.Graded(OutletRole, statement.OutletGrade);
            chain.Find(c => c.ActorId.Length > 0 && c.ActorId == statement.OriginActorId)?.Graded(OriginRole, statement.OriginGrade);

            var opinionId = StixIds.For("opinion", "statement:" + statement.StatementId);
            var opinion = Common("opinion", opinionId, speaker.Id, at, at);
            opinion["explanation"] = Explanation(statement, chain);
            opinion["authors"] = Strings([statement.Speaker.Length > 0 ? statement.Speaker : speaker.Name]);
            opinion["opinion"] = StixMappings.Opinion(statement.Stance, statement.Modality);
            opinion["object_refs"] = Strings([noteId]);
            opinion["labels"] = Strings([
                StixMappings.Label("stance", statement.Stance.ToString()),
                StixMappings.Label("modality", statement.Modality.ToString())]);
            var references = new JsonArray(ClaimTrackerReference(statement.StatementId));
            if (report.UrlReference() is { } source)
            {
                references.Add(source);
            }

            opinion["external_references"] = references;
            opinions.Add(opinion);

            report.Refer(opinionId);
            foreach (var identity in chain)
            {
                report.Refer(identity.Id);
            }

            for (var i = chain.Count - 1; i > 0; i--)
            {
                AddHop(report, inner: chain[i], outer: chain[i - 1], chain);
            }
        }

        /// <summary>One hop of an attribution chain within one report: <paramref name="inner"/> was relayed by <paramref
        /// name="outer"/>.</summary>
        private void AddHop(ReportDraft report, IdentityDraft inner, IdentityDraft outer, List<IdentityDraft> chain)
        {
            if (inner.Id == outer.Id)
            {
                // The outlet's own claim: no one relayed it.
                return;
            }

            var id = StixIds.For("relationship", $"chain:{report.ReportId}:{inner.Key}:{outer.Key}");
            report.Refer(id);
            if (!relationshipIds.Add(id))
            {
                return;
            }

            var relationship = Common("relationship", id, null, report.Time, report.Time);
            relationship["relationship_type"] = "related-to";
            relationship["description"] =
                $"{inner.Name} relayed by {outer.Name} in “{report.Name}” (attribution chain: " +
                    $"{string.Join(" → ", chain.Select(c => c.Name))})";
            relationship["source_ref"] = inner.Id;
            relationship["target_ref"] = outer.Id;
            relationship["labels"] = Strings(["attribution-chain"]);
            if (report.UrlReference() is { } source)
            {
                relationship["external_references"] = new JsonArray(source);
            }

            relationships.Add(relationship);
        }

        private ReportDraft ReportFor(V1.Statement statement)
        {
            if (reports.TryGetValue(StixIds.For("report", "report:" + statement.ReportId), out var existing))
            {
                return existing;
            }

            var report = data.Report(statement.ReportId);
            var time = ExportJson.Time(report?.RegisteredAt) ?? ExportJson.Time(statement.RecordedAt) ?? StatementTime(statement);
            var sourceName = report?.Source is { Length: > 0 } source ? source : statement.Source;
            var outlet = Identity(report?.SourceActorId ?? string.Empty, sourceName, V1.ActorKind.Outlet, time);
            var draft = new ReportDraft(statement, report, outlet, ExportJson.ToMilliseconds(time));
            reports.Add(draft.Id, draft);
            return draft;
        }

        /// <summary>The identity for an actor id (or, lacking one, a name as written), created on first mention.</summary>
        private IdentityDraft Identity(string actorId, string nameAsWritten, V1.ActorKind kindHint, DateTimeOffset seenAt)
        {
            var key = actorId.Length > 0 ? "actor:" + actorId : "name:" + nameAsWritten.Trim().ToLowerInvariant();
            var id = StixIds.For("identity", key);
            if (!identities.TryGetValue(id, out var identity))
            {
                identity = new IdentityDraft(id, key, actorId, data.Actor(actorId), nameAsWritten);
                identities.Add(id, identity);
            }

            identity.Hint(kindHint);
            identity.Seen(seenAt);
            return identity;
        }

        private string NoteContent(V1.Claim claim)
        {
            var text = new StringBuilder();
            text.Append("Claim: ").AppendLine(claim.Text);
            text.Append("Corroboration status: ").Append(claim.Status.ToString().ToUpperInvariant())
                .Append(" (Admiralty credibility ").Append(claim
                    .Credibility).Append(": ").Append(CredibilityWords(claim.Credibility)).AppendLine(")");
            if (claim.SupportingOrigins.Count > 0)
            {
                text.Append("Supporting origins: ").AppendJoin(", ", claim.SupportingOrigins.Select(ActorName)).AppendLine();
            }

            if (claim.ContradictingOrigins.Count > 0)
            {
                text.Append("Contradicting origins: ").AppendJoin(", ", claim.ContradictingOrigins.Select(ActorName)).AppendLine();
            }

            if (claim.StatusReasons.Count > 0)
            {
                text.AppendLine("Reasons:");
                foreach (var reason in claim.StatusReasons)
                {
                    text.Append("- ").AppendLine(reason);
                }
            }

            return text.ToString().TrimEnd();
        }

        private string ActorName(string actorId) => data.Actor(actorId)?.Name is { Length: > 0 } name ? name : actorId;

        private static string Explanation(V1.Statement statement, List<IdentityDraft> chain)
        {
            var words = statement.Quote.Length > 0 ? $"“{statement.Quote}”" : statement.Content;
            var text = new StringBuilder();
            text.Append(statement.Speaker.Length > 0 ? statement.Speaker : chain[^1].Name);
            if (statement.Cue.Length > 0)
            {
                text.Append(" (").Append(statement.Cue).Append(')');
            }

            text.Append(": ").Append(words);
            text.Append("\nAttribution chain: ").AppendJoin(" → ", chain.Select(c => c.Name));
            text.Append("\nStance: ").Append(statement.Stance.ToString().ToLowerInvariant());
            if (statement.Modality == V1.Modality.Hedged)
            {
                text.Append(" (hedged)");
            }

            if (statement.StanceReason.Length > 0)
            {
                text.Append(". ").Append(statement.StanceReason);
            }

            return text.ToString();
        }

        private static string CredibilityWords(int grade) => grade switch
        {
            1 => "confirmed by other independent sources",
            2 => "probably true",
            3 => "possibly true",
            4 => "doubtful",
            5 => "improbable",
            _ => "truth cannot be judged",
        };
    }

    /// <summary>An identity collected while walking the statements, written out once all are seen.</summary>
    private sealed class IdentityDraft(string id, string key, string actorId, V1.Actor? actor, string nameAsWritten)
    {
        private readonly SortedDictionary<string, string> grades = new(StringComparer.Ordinal);
        private DateTimeOffset? firstSeen;
        private V1.ActorKind kindHint;

        public string Id => id;

        public string ActorId => actorId;

        /// <summary>The source's reliability grade in a role (origin, outlet), as its statements carry it.</summary>
        public void Graded(string role, string grade)
        {
            if (SourceGradeWords.Describe(grade) is not null)
            {
                grades[role] = grade;
            }
        }

        public string Key => key;

        public string Name => actor?.Name is { Length: > 0 } name ? name : nameAsWritten.Length > 0 ? nameAsWritten : actorId;

        private V1.ActorKind Kind => actor is { Kind: not V1.ActorKind.Unspecified } ? actor.Kind : kindHint;

        /// <summary>What the mention implies about an actor we have no record of (a report's source is an outlet).</summary>
        public void Hint(V1.ActorKind kind)
        {
            if (kindHint == V1.ActorKind.Unspecified)
            {
                kindHint = kind;
            }
        }

        public void Seen(DateTimeOffset at)
        {
            if (firstSeen is null || at < firstSeen)
            {
                firstSeen = at;
            }
        }

        /// <summary>
        /// Actors carry no creation time, so an identity is dated by the reports its aliases came
        /// from: created = registration of the first sighting's report, modified = of the last one
        /// (a new alias or kind always comes with a new sighting). Without those reports at hand, the
        /// earliest report of this export that mentions the actor dates it.
        /// </summary>
        public JsonObject ToStix(ExportData data)
        {
            var sightings = actor?.AliasSightings;
            var firstSighting = sightings is { Count: > 0 } ? ExportJson.Time(data.Report(sightings[0].ReportId)?.RegisteredAt) : null;
            var lastSighting = sightings is { Count: > 0 } ? ExportJson.Time(data.Report(sightings[^1].ReportId)?.RegisteredAt) : null;
            var created = ExportJson.ToMilliseconds(firstSighting ?? firstSeen ?? DateTimeOffset.UnixEpoch);
            var modified = ExportJson.ToMilliseconds(Max(lastSighting ?? created, created));

            var identity = Common("identity", id, null, created, modified);
            identity["name"] = Name;
            var aliases = (actor?.Aliases ?? [])
                .Where(a => a.Length > 0 && !string.Equals(a, Name, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (aliases.Count > 0)
            {
                // Identity has no aliases property in STIX 2.1; the names it was written as go in the description.
                identity["description"] = "Also written as: " + string.Join("; ", aliases);
            }

            identity["identity_class"] = StixMappings.IdentityClass(Kind);
            if (StixMappings.Roles(Kind) is { Count: > 0 } roles)
            {
                identity["roles"] = Strings(roles);
            }

            if (StixMappings.Sectors(Kind) is { Count: > 0 } sectors)
            {
                identity["sectors"] = Strings(sectors);
            }

            if (actorId.Length > 0)
            {
                identity["external_references"] = new JsonArray(ClaimTrackerReference(actorId));
            }

            if (grades.Count > 0)
            {
                // STIX 2.1 identities have no reliability property: a custom one, a grade per role the source has a record in.
                var reliability = new JsonObject();
                foreach (var (role, grade) in grades)
                {
                    reliability[role] = grade;
                }

                identity[ReliabilityProperty] = reliability;
            }

            return identity;
        }
    }

    /// <summary>A report and the ids of the objects this export derives from it.</summary>
    private sealed class ReportDraft
    {
        private readonly V1.Report? report;
        private readonly V1.Statement firstStatement;
        private readonly List<string> objectRefs = [];
        private readonly HashSet<string> referred = new(StringComparer.Ordinal);

        public ReportDraft(V1.Statement firstStatement, V1.Report? report, IdentityDraft outlet, DateTimeOffset time)
        {
            this.firstStatement = firstStatement;
            this.report = report;
            Outlet = outlet;
            Time = time;
            ReportId = firstStatement.ReportId;
            Id = StixIds.For("report", "report:" + ReportId);
        }

        public string Id { get; }

        public string ReportId { get; }

        public IdentityDraft Outlet { get; }

        /// <summary>When the report was registered: the report's created and modified time, and that of its chain relationships.</summary>
        public DateTimeOffset Time { get; }

        public string Name => report?.Title is { Length: > 0 } title ? title : $"{Outlet.Name} report {ReportId}";

        private string Url => report?.Url ?? string.Empty;

        public void Refer(string id)
        {
            if (referred.Add(id))
            {
                objectRefs.Add(id);
            }
        }

        /// <summary>The report's URL as an external reference named after its outlet, if it has one.</summary>
        public JsonObject? UrlReference() => Url.Length == 0 ? null : new JsonObject
        {
            ["source_name"] = Outlet.Name,
            ["url"] = Url,
            ["description"] = Name,
        };

        public JsonObject ToStix()
        {
            var stix = Common("report", Id, Outlet.Id, Time, Time);
            stix["name"] = Name;
            stix["description"] = $"Published by {Outlet.Name}.";
            var published = ExportJson.Time(report?.PublishedAt) ?? ExportJson.Time(firstStatement.PublishedAt) ?? Time;
            stix["published"] = ExportJson.StixTimestamp(ExportJson.ToMilliseconds(published));
            stix["object_refs"] = Strings(objectRefs);
            var references = new JsonArray();
            if (UrlReference() is { } url)
            {
                references.Add(url);
            }

            references.Add(ClaimTrackerReference(ReportId));
            stix["external_references"] = references;
            return stix;
        }
    }

    /// <summary>The properties every STIX domain and relationship object starts with, in the spec's order.</summary>
    private static JsonObject Common(string type, string id, string? createdByRef, DateTimeOffset created, DateTimeOffset modified)
    {
        var stix = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = SpecVersion,
            ["id"] = id,
        };
        if (createdByRef is not null)
        {
            stix["created_by_ref"] = createdByRef;
        }

        stix["created"] = ExportJson.StixTimestamp(created);
        stix["modified"] = ExportJson.StixTimestamp(modified);
        return stix;
    }

    private static JsonObject ClaimTrackerReference(string externalId) => new()
    {
        ["source_name"] = SourceName,
        ["external_id"] = externalId,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    /// <summary>When a statement was made public: the report's publication time, else when it was recorded.</summary>
    private static DateTimeOffset StatementTime(V1.Statement statement) =>
        ExportJson.Time(statement.PublishedAt) ?? ExportJson.Time(statement.RecordedAt) ?? DateTimeOffset.UnixEpoch;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>What the bundle id is derived from: every object's id and version, so equal content gives an equal bundle id.</summary>
    private static string ContentKey(List<JsonObject> objects)
    {
        var key = new StringBuilder();
        foreach (var stix in objects)
        {
            key.Append((string?)stix["id"]).Append('@').Append((string?)stix["modified"]).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())));
    }
}
