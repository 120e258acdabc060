using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimTracker.Exports.Stix;
using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Tests;

public sealed class StixExporterTests
{
    private static JsonElement Export(ExportData data, bool indented = true)
    {
        using var stream = new MemoryStream();
        StixExporter.Write(stream, data, indented);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static string Id(string type, string key) => StixIds.For(type, key);

    [Fact]
    public void The_story_exports_as_a_valid_bundle()
    {
        var objects = StixChecks.Validate(Export(Story.Data()));

        Assert.Equal(11, objects.OfType("identity").Count()); // nine actors, "Russian state media" and "Example Outlet"
        Assert.Equal(5, objects.OfType("report").Count());
        Assert.Equal(2, objects.OfType("note").Count());
        Assert.Equal(5, objects.OfType("opinion").Count());
        // A: Ukrainian data → AFP → Kyiv Independent; B: the same via Le Monde; C, D: origin → outlet; E: Peskov → Russian state media →
        // Example Outlet.
        Assert.Equal(8, objects.OfType("relationship").Count());
    }

    [Fact]
    public void Identifiers_are_UUIDv5_of_ClaimTracker_ids_under_the_fixed_namespace()
    {
        var objects = StixChecks.Validate(Export(Story.Data()));

        // Literal values: a change of namespace or name scheme would break every importer's deduplication.
        Assert.Contains("identity--3a994bc9-6e27-5c60-9416-ad69804a1a5d", objects.Keys);
        Assert.Contains("note--ffe01593-ce6d-5c0e-aee2-82adc3d9cc09", objects.Keys);
        Assert.Contains("report--01364104-e623-56dc-96df-bdeffc2029d8", objects.Keys);
        Assert.All(objects.Keys, id => Assert.Equal('5', id[id.IndexOf("--", StringComparison.Ordinal) + 2 + 14]));
    }

    [Fact]
    public void UuidV5_matches_the_RFC_4122_construction()
    {
        // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), a widely published value.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), StixIds.UuidV5(dns, "python.org"));
        Assert.NotEqual(StixIds.UuidV5(dns, "python.org"), StixIds.UuidV5(dns, "python.org."));
    }

    [Fact]
    public void Exports_are_byte_for_byte_repeatable_whatever_order_statements_come_in()
    {
        var first = JsonSerializer.Serialize(Export(Story.Data()));
        var again = JsonSerializer.Serialize(Export(Story.Data()));
        Assert.Equal(first, again);

        var reordered = Story.ShellsClaim();
        var statements = reordered.Statements.Reverse().ToList();
        reordered.Statements.Clear();
        reordered.Statements.Add(statements);
        var shuffled = JsonSerializer.Serialize(
            Export(new ExportData([reordered, Story.CosmonautClaim()], Story.Actors(), Story.Reports())));
        Assert.Equal(first, shuffled);
    }

    [Fact]
    public void Actors_become_identities_with_a_class_from_their_kind()
    {
        var objects = StixChecks.Validate(Export(Story.Data()));
        JsonElement Identity(string key) => objects[Id("identity", key)];

        var afp = Identity("actor:a-afp");
        Assert.Equal("AFP", afp.GetProperty("name").GetString());
        Assert.Equal("organization", afp.GetProperty("identity_class").GetString());
        Assert.Equal(["news outlet"], afp.GetProperty("roles").Strings());
        Assert.Equal("Also written as: Agence France-Presse", afp.GetProperty("description").GetString());
        var reference = Assert.Single(afp.GetProperty("external_references").EnumerateArray());
        Assert.Equal("claimtracker", reference.GetProperty("source_name").GetString());
        Assert.Equal("a-afp", reference.GetProperty("external_id").GetString());
        // Dated by the reports of its first and last alias sighting (A, then C), to the millisecond.
        Assert.Equal("2023-09-13T12:05:00.001Z", afp.GetProperty("created").GetString());
        Assert.Equal("2023-09-13T14:05:00.001Z", afp.GetProperty("modified").GetString());

        Assert.Equal("individual", Identity("actor:a-dmitry-peskov").GetProperty("identity_class").GetString());
        Assert.Equal("organization", Identity("actor:a-ukrainian-data").GetProperty("identity_class").GetString());
        Assert.False(Identity("actor:a-ukrainian-data").TryGetProperty("roles", out _));
        var estonia = Identity("actor:a-estonian-defence-intelligence");
        Assert.Equal("organization", estonia.GetProperty("identity_class").GetString());
        Assert.Equal(["government"], estonia.GetProperty("sectors").Strings());

        // Named only as an intermediary, with no actor id: keyed by its name, class unknown, no ClaimTracker reference.
        var stateMedia = Identity("name:russian state media");
        Assert.Equal("Russian state media", stateMedia.GetProperty("name").GetString());
        Assert.Equal("unknown", stateMedia.GetProperty("identity_class").GetString());
        Assert.False(stateMedia.TryGetProperty("external_references", out _));
        // The outlet of a report the export has no record of: known as an outlet from its place in the chain.
        var exampleOutlet = Identity("name:example outlet");
        Assert.Equal("organization", exampleOutlet.GetProperty("identity_class").GetString());
        Assert.Equal(["news outlet"], exampleOutlet.GetProperty("roles").Strings());
    }

    [Fact]
    public void Reports_are_created_by_their_outlet_and_list_what_came_from_them()
    {
        var objects = StixChecks.Validate(Export(Story.Data()));
        var report = objects[Id("report", "report:story-a")];

        Assert.Equal("Kyiv Independent on shelling rates", report.GetProperty("name").GetString());
        Assert.Equal("2023-09-13T12:00:00.000Z", report.GetProperty("published").GetString());
        Assert.Equal(Id("identity", "actor:a-kyiv-independent"), report.GetProperty("created_by_ref").GetString());
        var references = report.GetProperty("external_references").EnumerateArray().ToList();
        Assert.Equal("https://example.org/story-a", references[0].GetProperty("url").GetString());
        Assert.Equal("Kyiv Independent", references[0].GetProperty("source_name").GetString());
        Assert.Equal("story-a", references[1].GetProperty("external_id").GetString());

        var refs = report.GetProperty("object_refs").Strings();
        Assert.Contains(Id("opinion", "statement:s-story-a-0"), refs);
        Assert.Contains(Id("note", "claim:" + Story.Shells), refs);
        Assert.Contains(Id("identity", "actor:a-afp"), refs);
        Assert.Contains(Id("identity", "actor:a-ukrainian-data"), refs);
        Assert.Contains(Id("relationship", "chain:story-a:actor:a-ukrainian-data:actor:a-afp"), refs);
        Assert.DoesNotContain(Id("opinion", "statement:s-story-b-0"), refs);
    }

    [Fact]
    public void A_report_the_export_has_no_record_of_is_built_from_its_statement()
    {
        var objects = StixChecks.Validate(Export(Story.Data()));
        var report = objects[Id("report", "report:story-e")];

        Assert.Equal("Example Outlet report story-e", report.GetProperty("name").GetString());
        Assert.Equal("2023-09-13T17:00:00.000Z", report.GetProperty("published").GetString());
        Assert.Equal("2023-09-13T17:05:00.009Z", report.GetProperty("created").GetString());
        Assert.Equal(Id("identity", "name:example outlet"), report.GetProperty("created_by_ref").GetString());
    }

    [Fact]
    public void Claims_become_notes_with_status_reasons_and_confidence_from_the_Admiralty_grade()
    {
        var objects = StixChecks.Validate(Export(Story.Data()));
        var note = objects[Id("note", "claim:" + Story.Shells)];

        Assert.Equal("Russian forces fire up to 60,000 artillery shells per day", note.GetProperty("abstract").GetString());
        var content = note.GetProperty("content").GetString()!;
        Assert.Contains("CONTESTED (Admiralty credibility 4: doubtful)", content, StringComparison.Ordinal);
        Assert.Contains("Supporting origins: Ukrainian data, Estonian defence intelligence", content, StringComparison.Ordinal);
        Assert.Contains("- contradicted by 1 independent origin: Russian Ministry of Defence", content, StringComparison.Ordinal);
        Assert.Equal(30, note.GetProperty("confidence").GetInt32());
        Assert.Contains("status-contested", note.GetProperty("labels").Strings());
        Assert.Equal("2023-09-13T12:05:00.000Z", note.GetProperty("created").GetString());
        Assert.Equal("2023-09-13T15:05:00.000Z", note.GetProperty("modified").GetString());
        Assert.Equal(
            ["story-a", "story-b", "story-c", "story-d"],
            note.GetProperty("object_refs").Strings()
                .Select(r => Assert.Single(Story.Reports(), x => Id("report", "report:" + x.ReportId) == r).ReportId));

        // Grade 6 has no value on the STIX Admiralty scale: no confidence at all.
        Assert.False(objects[Id("note", "claim:" + Story.Cosmonaut)].TryGetProperty("confidence", out _));
    }

    [Theory]
    [InlineData(1, 90)]
    [InlineData(2, 70)]
    [InlineData(3, 50)]
    [InlineData(4, 30)]
    [InlineData(5, 10)]
    [InlineData(6, null)]
    [InlineData(0, null)]
    public void Confidence_follows_the_STIX_Admiralty_credibility_scale(int grade, int? expected)
    {
        Assert.Equal(expected, StixMappings.Confidence(grade));

        var claim = Story.ShellsClaim();
        claim.Credibility = grade;
        var note = StixChecks.Validate(Export(new ExportData([claim], Story.Actors(), Story
            .Reports())))[Id("note", "claim:" + Story.Shells)];
        Assert.Equal(expected, note.TryGetProperty("confidence", out var confidence) ? confidence.GetInt32() : null);
    }

    [Fact]
    public void Statements_become_opinions_of_their_speaker_on_the_claim()
    {
        var objects = StixChecks.Validate(Export(Story.Data()));
        var noteId = Id("note", "claim:" + Story.Shells);

        var supports = objects[Id("opinion", "statement:s-story-a-0")];
        Assert.Equal("strongly-agree", supports.GetProperty("opinion").GetString());
        Assert.Equal([noteId], supports.GetProperty("object_refs").Strings());
        Assert.Equal(Id("identity", "actor:a-ukrainian-data"), supports.GetProperty("created_by_ref").GetString());
        Assert.Equal(["Ukrainian data"], supports.GetProperty("authors").Strings());
        Assert.Contains(
            "Attribution chain: Kyiv Independent → AFP → Ukrainian data",
            supports.GetProperty("explanation").GetString(),
            StringComparison.Ordinal);
        Assert.Equal("2023-09-13T12:05:00.009Z", supports.GetProperty("created").GetString());

        var denies = objects[Id("opinion", "statement:s-story-d-0")];
        Assert.Equal("strongly-disagree", denies.GetProperty("opinion").GetString());
        Assert.Equal(Id("identity", "actor:a-russian-ministry-of-defence"), denies.GetProperty("created_by_ref").GetString());

        var hedged = objects[Id("opinion", "statement:s-story-e-0")];
        Assert.Equal("agree", hedged.GetProperty("opinion").GetString());
        Assert.Equal(["Kremlin spokesman Dmitry Peskov"], hedged.GetProperty("authors").Strings());
        Assert.Contains("“It is possible”", hedged.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(V1.Stance.Supports, V1.Modality.Asserted, "strongly-agree")]
    [InlineData(V1.Stance.Supports, V1.Modality.Hedged, "agree")]
    [InlineData(V1.Stance.Supports, V1.Modality.Unspecified, "strongly-agree")]
    [InlineData(V1.Stance.Contradicts, V1.Modality.Asserted, "strongly-disagree")]
    [InlineData(V1.Stance.Contradicts, V1.Modality.Hedged, "disagree")]
    [InlineData(V1.Stance.Observing, V1.Modality.Asserted, "neutral")]
    [InlineData(V1.Stance.Queries, V1.Modality.Asserted, "neutral")]
    [InlineData(V1.Stance.Unspecified, V1.Modality.Unspecified, "neutral")]
    public void Stances_map_onto_the_opinion_enumeration(V1.Stance stance, V1.Modality modality, string expected)
    {
        Assert.Equal(expected, StixMappings.Opinion(stance, modality));
        Assert.Contains(expected, StixChecks.OpinionValues);
    }

    [Fact]
    public void Attribution_chains_become_relationships_from_speaker_to_carrier()
    {
        var objects = StixChecks.Validate(Export(Story.Data()));
        var hops = objects.OfType("relationship")
            .Select(r => (Source: objects[r.GetProperty("source_ref").GetString()!].GetProperty("name").GetString(),
                          Target: objects[r.GetProperty("target_ref").GetString()!].GetProperty("name").GetString()))
            .ToList();

        Assert.Contains(("Ukrainian data", "AFP"), hops);
        Assert.Contains(("AFP", "Kyiv Independent"), hops);
        Assert.Contains(("AFP", "Le Monde"), hops);
        Assert.Contains(("Estonian defence intelligence", "Reuters"), hops);
        Assert.Contains(("Russian Ministry of Defence", "TASS"), hops);
        Assert.Contains(("Dmitry Peskov", "Russian state media"), hops);
        Assert.Contains(("Russian state media", "Example Outlet"), hops);
        Assert.DoesNotContain(hops, h => h.Source == h.Target);

        var hop = objects[Id("relationship", "chain:story-a:actor:a-ukrainian-data:actor:a-afp")];
        Assert.Equal("related-to", hop.GetProperty("relationship_type").GetString());
        Assert.Equal(["attribution-chain"], hop.GetProperty("labels").Strings());
        Assert.Equal("Ukrainian data relayed by AFP in “Kyiv Independent on shelling rates” (attribution chain: Kyiv Independent → AFP → " +
            "Ukrainian data)",
            hop.GetProperty("description").GetString());
    }

    [Fact]
    public void An_outlets_own_claim_has_no_chain_relationship()
    {
        var claim = Story.ShellsClaim();
        var own = claim.Statements.Single(s => s.ReportId == "story-c");
        own.ActorId = own.OriginActorId = "a-reuters";
        own.Speaker = "Reuters";
        claim.Statements.Clear();
        claim.Statements.Add(own);

        var objects = StixChecks.Validate(Export(new ExportData([claim], Story.Actors(), Story.Reports())));
        Assert.Empty(objects.OfType("relationship"));
        Assert.Single(objects.OfType("identity"));
    }

    [Fact]
    public void Timestamps_are_UTC_to_the_millisecond_and_never_modified_before_created()
    {
        var claim = Story.ShellsClaim();
        claim.FirstReportedAt = Timestamp.FromDateTimeOffset(
            new DateTimeOffset(2024, 2, 29, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(9_999));
        claim.UpdatedAt = claim.FirstReportedAt; // equal to the tick: still equal once cut to milliseconds
        var objects = StixChecks.Validate(Export(new ExportData([claim], Story.Actors(), Story.Reports())));

        var note = objects[Id("note", "claim:" + Story.Shells)];
        Assert.Equal("2024-02-29T23:59:59.999Z", note.GetProperty("created").GetString());
        Assert.Equal("2024-02-29T23:59:59.999Z", note.GetProperty("modified").GetString());
    }

    [Fact]
    public void Without_actors_or_reports_the_statements_alone_make_a_valid_bundle()
    {
        var objects = StixChecks.Validate(Export(new ExportData([Story.ShellsClaim(), Story.CosmonautClaim()])));

        var ukrainianData = objects[Id("identity", "actor:a-ukrainian-data")];
        Assert.Equal("Ukrainian data", ukrainianData.GetProperty("name").GetString());
        Assert.Equal("unknown", ukrainianData.GetProperty("identity_class").GetString());
        // Dated by the first report of this export that mentions it: A, known only from its statement.
        Assert.Equal("2023-09-13T12:05:00.009Z", ukrainianData.GetProperty("created").GetString());
        Assert.Equal("TASS report story-d", objects[Id("report", "report:story-d")].GetProperty("name").GetString());
    }

    [Fact]
    public void Claims_without_statements_are_left_out_and_an_empty_export_has_no_objects()
    {
        var bare = new V1.Claim { ClaimId = "c-bare", Text = "Nothing said yet", Credibility = 6 };
        var bundle = Export(new ExportData([bare]));

        StixChecks.Validate(bundle);
        Assert.False(bundle.TryGetProperty("objects", out _));
    }

    [Fact]
    public void A_claim_named_twice_is_exported_once()
    {
        var objects = StixChecks.Validate(
            Export(new ExportData([Story.ShellsClaim(), Story.ShellsClaim()], Story.Actors(), Story.Reports())));
        Assert.Single(objects.OfType("note"));
    }

    [Fact]
    public void Compact_and_indented_output_hold_the_same_bundle()
    {
        using var compact = new MemoryStream();
        StixExporter.Write(compact, Story.Data(), indented: false);
        var text = System.Text.Encoding.UTF8.GetString(compact.ToArray());
        Assert.Equal(2, text.Split('\n').Length); // one line and the final newline
        Assert.Contains("“It is possible”", text, StringComparison.Ordinal); // readable, not \u201C-escaped

        Assert.Equal(JsonSerializer.Serialize(Export(Story.Data())), JsonSerializer.Serialize(JsonDocument.Parse(text).RootElement));
    }

    [Fact]
    public void The_checks_catch_broken_bundles()
    {
        var good = StixExporter.BuildBundle(Story.Data());
        StixChecks.Validate(Parse(good));

        void Broken(Action<JsonObject> breakIt)
        {
            var copy = good.DeepClone().AsObject();
            breakIt(copy);
            Assert.ThrowsAny<Exception>(() => StixChecks.Validate(Parse(copy)));
        }

        JsonObject First(JsonObject bundle, string type) =>
            bundle["objects"]!.AsArray().Select(o => o!.AsObject()).First(o => (string?)o["type"] == type);

        Broken(b => b["objects"]!.AsArray().RemoveAt(0)); // an identity others refer to
        Broken(b => b["spec_version"] = "2.1");
        Broken(b => First(b, "note")["spec_version"] = "2.0");
        Broken(b => First(b, "note")["created"] = "2023-09-13T12:05:00Z");
        Broken(b => First(b, "note")["modified"] = "2001-01-01T00:00:00.000Z");
        Broken(b => First(b, "note")["confidence"] = 101);
        Broken(b => First(b, "opinion")["opinion"] = "supports");
        Broken(b => First(b, "report")["object_refs"] = new JsonArray());
        Broken(b => First(b, "report").Remove("published"));
        Broken(b => First(b, "identity")["id"] = "identity--00000000-0000-4000-0000-000000000000");
        Broken(b => First(b, "identity")["aliases"] = new JsonArray("x"));
        Broken(b => First(b, "relationship")["relationship_type"] = "Relayed By");
        Broken(b => b["objects"]!.AsArray().Add(First(b, "note").DeepClone()));
    }

    private static JsonElement Parse(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
}
