using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Stix;

/// <summary>A report to register from a bundle, and for each of its statements the STIX note (claim) it bears on.</summary>
public sealed record PlannedReport(V1.RegisterReportRequest Request, IReadOnlyList<string> NoteIds);

/// <summary>What a bundle becomes: reports in publication order, and every object that maps onto nothing, with why.</summary>
public sealed record StixImportPlan(IReadOnlyList<PlannedReport> Reports, IReadOnlyList<V1.UnmappedStixObject> Unmapped);

/// <summary>
/// Reads a STIX 2.1 bundle into reports with structured statements, the reverse of <see cref="StixExporter"/>:
/// a <c>report</c> becomes a report (id = its STIX id, outlet = its <c>created_by_ref</c> identity); each
/// <c>opinion</c> it lists becomes a statement by the opinion's <c>created_by_ref</c> identity, on the claim its
/// <c>note</c> states (content = the note's abstract), with stance and modality from the opinion value; the report's
/// <c>related-to</c> relationships labelled <c>attribution-chain</c> give the chain from speaker to outlet (via).
/// Anything else is listed as unmapped, never dropped silently.
/// </summary>
public static class StixImporter
{
    private static readonly HashSet<string> MappedTypes =
        new(StringComparer.Ordinal) { "identity", "report", "note", "opinion", "relationship" };

    /// <exception cref="ArgumentException">The text is not a STIX bundle.</exception>
    public static StixImportPlan Plan(string bundleJson)
    {
        JsonObject bundle;
        try
        {
            bundle = JsonNode.Parse(bundleJson) as JsonObject ?? throw new ArgumentException("bundle_json must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"bundle_json is not valid JSON: {ex.Message}", ex);
        }

        if ((string?)bundle["type"] != "bundle")
        {
            throw new ArgumentException("bundle_json must be a STIX bundle (\"type\": \"bundle\")");
        }

        var objects = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var unmapped = new List<V1.UnmappedStixObject>();
        foreach (var stix in (bundle["objects"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(stix, "id") is not { Length: > 0 } id || Text(stix, "type") is not { Length: > 0 } type)
            {
                unmapped.Add(Unmapped(stix, "an object without id or type"));
                continue;
            }

            if (!MappedTypes.Contains(type))
            {
                unmapped.Add(Unmapped(stix, $"STIX type '{type}' has no ClaimTracker equivalent"));
                continue;
            }

            objects.TryAdd(id, stix);
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var reports = objects.Values.Where(o => Text(o, "type") == "report")
            .OrderBy(o => Text(o, "published") ?? Text(o, "created"), StringComparer.Ordinal)
            .ThenBy(o => Text(o, "id"), StringComparer.Ordinal)
            .Select(report => PlanReport(report, objects, used, unmapped))
            .Where(planned => planned is not null)
            .Select(planned => planned!)
            .ToList();

        foreach (var stix in objects.Values.Where(o => !used.Contains(Text(o, "id")!)))
        {
            unmapped.Add(Unmapped(stix, Text(stix, "type") switch
            {
                "note" => "a claim no imported report has a statement on",
                "opinion" => "an opinion no report in the bundle lists",
                "relationship" => "not an attribution-chain hop of an imported statement",
                "identity" => "an identity no imported report or statement names",
                _ => "not part of an imported report",
            }));
        }

        return new StixImportPlan(reports, unmapped);
    }

    private static PlannedReport? PlanReport(
        JsonObject report, Dictionary<string, JsonObject> objects, HashSet<string> used, List<V1.UnmappedStixObject> unmapped)
    {
        var reportId = Text(report, "id")!;
        var refs = Strings(report["object_refs"]).ToHashSet(StringComparer.Ordinal);
        var outletId = Text(report, "created_by_ref");
        var outlet = outletId is not null && objects.TryGetValue(outletId, out var outletIdentity) ? outletIdentity : null;
        var request = new V1.RegisterReportRequest
        {
            ReportId = reportId,
            Source = outlet is not null ? Text(outlet, "name") ?? string.Empty : string.Empty,
            Title = Text(report, "name") ?? string.Empty,
            Url = (report["external_references"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(r => Text(r, "source_name") != StixExporter.SourceName)
                .Select(r => Text(r, "url")).FirstOrDefault(url => url is { Length: > 0 }) ?? string.Empty,
        };
        if (Time(Text(report, "published")) is { } published)
        {
            request.PublishedAt = Timestamp.FromDateTimeOffset(published);
        }

        if (request.Source.Length == 0)
        {
            unmapped.Add(Unmapped(report, "a report without a created_by_ref identity naming its outlet"));
            return null;
        }

        // Attribution-chain hops of this report: inner actor → the one that relayed it.
        var relayedBy = new Dictionary<string, (string Outer, string RelationshipId)>(StringComparer.Ordinal);
        foreach (var relationship in refs.Select(id => objects.GetValueOrDefault(id)).OfType<JsonObject>()
            .Where(o => Text(o, "type") == "relationship" && Strings(o["labels"]).Contains("attribution-chain")))
        {
            if (Text(relationship, "source_ref") is { } inner && Text(relationship, "target_ref") is { } outer)
            {
                relayedBy.TryAdd(inner, (outer, Text(relationship, "id")!));
            }
        }

        var noteIds = new List<string>();
        var opinions = refs.Select(id => objects.GetValueOrDefault(id)).OfType<JsonObject>()
            .Where(o => Text(o, "type") == "opinion")
            .OrderBy(o => Text(o, "created"), StringComparer.Ordinal).ThenBy(o => Text(o, "id"), StringComparer.Ordinal);
        foreach (var opinion in opinions)
        {
            var note = Strings(opinion["object_refs"]).Select(id => objects.GetValueOrDefault(id))
                .OfType<JsonObject>().FirstOrDefault(o => Text(o, "type") == "note");
            var speakerId = Text(opinion, "created_by_ref");
            var speaker = speakerId is not null ? objects.GetValueOrDefault(speakerId) : null;
            var content = note is null ? null : Text(note, "abstract") ?? Text(note, "content");
            if (note is null || content is null || speaker is null || Text(speaker, "name") is not { Length: > 0 } speakerName)
            {
                unmapped.Add(Unmapped(opinion, note is null || content is null
                    ? "an opinion on no note (claim) in the bundle"
                    : "an opinion without a created_by_ref identity (its speaker)"));
                continue;
            }

            var statement = new V1.StatementInput { Speaker = speakerName, Content = content };
            (statement.Stance, statement.Modality) = Stance(Text(opinion, "opinion"));
            statement.Via.Add(Chain(speakerId!, outletId!, relayedBy, objects, used));
            request.Statements.Add(statement);
            noteIds.Add(Text(note, "id")!);
            used.UnionWith([Text(opinion, "id")!, Text(note, "id")!, speakerId!]);
        }

        if (request.Statements.Count == 0)
        {
            unmapped.Add(Unmapped(report, "a report with no opinion (statement) on a note (claim) in the bundle"));
            return null;
        }

        used.Add(reportId);
        used.Add(outletId!);
        return new PlannedReport(request, noteIds);
    }

    /// <summary>The intermediaries from the outlet inwards (nearest the outlet first), following hops out from the speaker.</summary>
    private static List<string> Chain(
        string speakerId,
        string outletId,
        Dictionary<string, (string Outer, string RelationshipId)> relayedBy,
        Dictionary<string, JsonObject> objects,
        HashSet<string> used)
    {
        var via = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { speakerId };
        var current = speakerId;
        while (relayedBy.TryGetValue(current, out var hop) && seen.Add(hop.Outer))
        {
            used.Add(hop.RelationshipId);
            if (hop.Outer == outletId)
            {
                break;
            }

            if (objects.GetValueOrDefault(hop.Outer) is { } intermediary && Text(intermediary, "name") is { Length: > 0 } name)
            {
                via.Add(name);
                used.Add(hop.Outer);
            }

            current = hop.Outer;
        }

        via.Reverse();
        return via;
    }

    /// <summary>The reverse of <see cref="StixMappings.Opinion"/>.</summary>
    private static (V1.Stance, V1.Modality) Stance(string? opinion) => opinion switch
    {
        "strongly-agree" => (V1.Stance.Supports, V1.Modality.Asserted),
        "agree" => (V1.Stance.Supports, V1.Modality.Hedged),
        "strongly-disagree" => (V1.Stance.Contradicts, V1.Modality.Asserted),
        "disagree" => (V1.Stance.Contradicts, V1.Modality.Hedged),
        _ => (V1.Stance.Observing, V1.Modality.Unspecified),
    };

    private static V1.UnmappedStixObject Unmapped(JsonObject stix, string reason) => new()
    {
        Id = Text(stix, "id") ?? string.Empty,
        Type = Text(stix, "type") ?? string.Empty,
        Reason = reason,
    };

    private static string? Text(JsonObject stix, string property) =>
        stix[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>();

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
