using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClaimTracker.Exports.Tests;

/// <summary>
/// Checks of a STIX 2.1 bundle written from the specification (OASIS STIX 2.1, sections 2–6 and
/// 8): required properties and their types, identifier and timestamp formats, vocabularies, no empty
/// lists, no properties the spec does not define for the type, and every reference resolving inside
/// the bundle. Shared by the unit tests and the end-to-end test in ClaimTracker.Server.Tests.
/// </summary>
internal static partial class StixChecks
{
    /// <summary>Properties every SDO and SRO may carry (section 3.2).</summary>
    private static readonly string[] CommonProperties =
    [
        "type", "spec_version", "id", "created_by_ref", "created", "modified", "revoked", "labels", "confidence",
        "lang", "external_references", "object_marking_refs", "granular_markings", "extensions",
    ];

    private static readonly Dictionary<string, string[]> TypeProperties = new(StringComparer.Ordinal)
    {
        ["identity"] = ["name", "description", "roles", "identity_class", "sectors", "contact_information"],
        ["report"] = ["name", "description", "report_types", "published", "object_refs"],
        ["note"] = ["abstract", "content", "authors", "object_refs"],
        ["opinion"] = ["explanation", "authors", "opinion", "object_refs"],
        ["relationship"] = ["relationship_type", "description", "source_ref", "target_ref", "start_time", "stop_time"],
    };

    private static readonly string[] IdentityClasses = ["individual", "group", "system", "organization", "class", "unknown"];

    /// <summary>industry-sector-ov as the 2.1 JSON schemas list it.</summary>
    private static readonly string[] IndustrySectors =
    [
        "agriculture", "aerospace", "automotive", "chemical", "commercial", "communications", "construction", "defense",
        "education", "energy", "engineering", "entertainment", "financial-services", "government", "emergency-services",
        "government-local", "government-national", "government-public-services", "government-regional", "healthcare",
        "hospitality-leisure", "infrastructure", "dams", "nuclear", "water", "insurance", "manufacturing", "mining",
        "non-profit", "pharmaceuticals", "retail", "technology", "telecommunications", "transportation", "utilities",
    ];

    public static readonly string[] OpinionValues = ["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"];

    /// <summary><c>type--UUID</c> with an RFC 4122 UUID (version 1–5, variant 10xx), lower case.</summary>
    [GeneratedRegex("^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    public static partial Regex Identifier();

    /// <summary>RFC 3339, UTC with a literal Z (section 2.16).</summary>
    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$")]
    public static partial Regex Timestamp();

    /// <summary>created and modified: exactly millisecond precision (section 3.2).</summary>
    [GeneratedRegex(@"T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Milliseconds();

    [GeneratedRegex("^[a-z0-9-]{3,250}$")]
    private static partial Regex TypeName();

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex PropertyName();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex RelationshipType();

    /// <summary>Checks <paramref name="bundle"/> and returns its objects by id.</summary>
    public static Dictionary<string, JsonElement> Validate(JsonElement bundle)
    {
        Assert.Equal(JsonValueKind.Object, bundle.ValueKind);
        Assert.Equal("bundle", bundle.GetProperty("type").GetString());
        var bundleId = bundle.GetProperty("id").GetString()!;
        Assert.Matches(Identifier(), bundleId);
        Assert.StartsWith("bundle--", bundleId, StringComparison.Ordinal);
        // A 2.1 bundle has type, id and objects only: no spec_version, no created/modified.
        Assert.All(bundle.EnumerateObject(), p => Assert.Contains(p.Name, (string[])["type", "id", "objects"]));

        var objects = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!bundle.TryGetProperty("objects", out var list))
        {
            return objects;
        }

        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        Assert.NotEqual(0, list.GetArrayLength());
        foreach (var stix in list.EnumerateArray())
        {
            var id = stix.GetProperty("id").GetString()!;
            Assert.True(objects.TryAdd(id, stix), $"duplicate id {id}");
        }

        foreach (var stix in objects.Values)
        {
            ValidateObject(stix);
            ValidateReferences(stix, objects);
        }

        return objects;
    }

    /// <summary>A custom property as STIX 2.1 §11.1 names them: x_ then lowercase letters, digits and _, at most 250 characters.</summary>
    private static bool IsCustom(string name) => name.Length <= 250 && System.Text.RegularExpressions.Regex.IsMatch(name, "^x_[a-z0-9_]+$");

    private static void ValidateObject(JsonElement stix)
    {
        var type = stix.GetProperty("type").GetString()!;
        var id = stix.GetProperty("id").GetString()!;
        Assert.Matches(TypeName(), type);
        Assert.Matches(Identifier(), id);
        Assert.StartsWith(type + "--", id, StringComparison.Ordinal);
        Assert.Equal("2.1", stix.GetProperty("spec_version").GetString());

        Assert.True(TypeProperties.TryGetValue(type, out var specific), $"{id}: unexpected type {type}");
        foreach (var property in stix.EnumerateObject())
        {
            Assert.Matches(PropertyName(), property.Name);
            Assert.True(
                CommonProperties.Contains(property.Name) || specific.Contains(property.Name) || IsCustom(property.Name),
                $"{id}: {property.Name} is not a property of {type}");
            NoEmptyValues(property.Value, $"{id}.{property.Name}");
        }

        var created = RequiredTime(stix, "created");
        var modified = RequiredTime(stix, "modified");
        Assert.Matches(Milliseconds(), stix.GetProperty("created").GetString()!);
        Assert.Matches(Milliseconds(), stix.GetProperty("modified").GetString()!);
        Assert.True(modified >= created, $"{id}: modified {modified:O} before created {created:O}");

        if (stix.TryGetProperty("created_by_ref", out var createdBy))
        {
            Assert.StartsWith("identity--", createdBy.GetString(), StringComparison.Ordinal);
        }

        if (stix.TryGetProperty("confidence", out var confidence))
        {
            Assert.Equal(JsonValueKind.Number, confidence.ValueKind);
            Assert.True(confidence.TryGetInt32(out var value), $"{id}: confidence is not an integer");
            Assert.InRange(value, 0, 100);
        }

        if (stix.TryGetProperty("labels", out var labels))
        {
            Assert.All(labels.EnumerateArray(), l => Assert.False(string.IsNullOrEmpty(l.GetString())));
        }

        if (stix.TryGetProperty("external_references", out var references))
        {
            foreach (var reference in references.EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(reference.GetProperty("source_name").GetString()));
                Assert.True(
                    reference.TryGetProperty("external_id", out _) || reference.TryGetProperty("url", out _)
                        || reference.TryGetProperty("description", out _),
                    $"{id}: an external reference needs external_id, url or description besides source_name");
                if (reference.TryGetProperty("url", out var url))
                {
                    Assert.True(Uri.TryCreate(url.GetString(), UriKind.Absolute, out _), $"{id}: {url} is not an absolute URL");
                }
            }
        }

        switch (type)
        {
            case "identity":
                RequiredString(stix, "name");
                if (stix.TryGetProperty("identity_class", out var identityClass))
                {
                    Assert.Contains(identityClass.GetString(), IdentityClasses);
                }

                if (stix.TryGetProperty("sectors", out var sectors))
                {
                    Assert.All(sectors.EnumerateArray(), s => Assert.Contains(s.GetString(), IndustrySectors));
                }

                if (stix.TryGetProperty("roles", out var roles))
                {
                    Assert.All(roles.EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetString())));
                }

                break;
            case "report":
                RequiredString(stix, "name");
                RequiredTime(stix, "published");
                RequiredRefs(stix, "object_refs");
                break;
            case "note":
                RequiredString(stix, "content");
                RequiredRefs(stix, "object_refs");
                break;
            case "opinion":
                Assert.Contains(RequiredString(stix, "opinion"), OpinionValues);
                RequiredRefs(stix, "object_refs");
                break;
            case "relationship":
                Assert.Matches(RelationshipType(), RequiredString(stix, "relationship_type"));
                foreach (var end in (string[])["source_ref", "target_ref"])
                {
                    var target = RequiredString(stix, end);
                    Assert.Matches(Identifier(), target);
                    Assert.DoesNotMatch("^(relationship|sighting|bundle|marking-definition|language-content)--", target);
                }

                break;
        }
    }

    /// <summary>Every <c>*_ref</c> and <c>*_refs</c> value, at any depth, names an object of the bundle.</summary>
    private static void ValidateReferences(JsonElement element, Dictionary<string, JsonElement> objects)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                ValidateReferences(item, objects);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith("_ref", StringComparison.Ordinal))
            {
                Assert.True(
                    objects.ContainsKey(property.Value.GetString()!),
                    $"{property.Name} {property.Value} does not resolve in the bundle");
            }
            else if (property.Name.EndsWith("_refs", StringComparison.Ordinal))
            {
                Assert.All(
                    property.Value.EnumerateArray(),
                    r => Assert.True(objects.ContainsKey(r.GetString()!), $"{property.Name} entry {r} does not resolve in the bundle"));
            }
            else
            {
                ValidateReferences(property.Value, objects);
            }
        }
    }

    /// <summary>STIX prohibits empty lists; null is no STIX value; an empty string says nothing.</summary>
    private static void NoEmptyValues(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.Fail($"{path} is null");
                break;
            case JsonValueKind.String:
                Assert.False(value.GetString()!.Length == 0, $"{path} is an empty string");
                break;
            case JsonValueKind.Array:
                Assert.False(value.GetArrayLength() == 0, $"{path} is an empty list");
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    NoEmptyValues(item, $"{path}[{index++}]");
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    NoEmptyValues(property.Value, $"{path}.{property.Name}");
                }

                break;
        }
    }

    private static string RequiredString(JsonElement stix, string name)
    {
        Assert.True(stix.TryGetProperty(name, out var value), $"{stix.GetProperty("id")}: required property {name} is missing");
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.False(string.IsNullOrEmpty(value.GetString()));
        return value.GetString()!;
    }

    private static void RequiredRefs(JsonElement stix, string name)
    {
        Assert.True(stix.TryGetProperty(name, out var value), $"{stix.GetProperty("id")}: required property {name} is missing");
        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        Assert.NotEqual(0, value.GetArrayLength());
        Assert.All(value.EnumerateArray(), r => Assert.Matches(Identifier(), r.GetString()!));
    }

    public static DateTimeOffset RequiredTime(JsonElement stix, string name)
    {
        var text = RequiredString(stix, name);
        Assert.Matches(Timestamp(), text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public static IEnumerable<JsonElement> OfType(this Dictionary<string, JsonElement> objects, string type) =>
        objects.Values.Where(o => o.GetProperty("type").GetString() == type);

    public static string[] Strings(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
