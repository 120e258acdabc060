using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Tests.Hostile;

/// <summary>
/// The hostile suite's cases, generated: every RPC and HTTP route, each with hostile values in each field,
/// malformed bytes on the wire, structural abuse (too many statements, duplicates, unknown enum values,
/// timestamps out of range) and tampered page tokens and cursors, each with the status it must get.
/// </summary>
public static partial class HostileCases
{
    private const string Ok = "OK";
    private const string Invalid = "InvalidArgument";
    private const string NotFound = "NotFound";
    private const string Http400 = "HTTP 400";
    private const string Http404 = "HTTP 404";
    private const string Http200 = "HTTP 200";

    /// <summary>A query over <c>Limits:MaxQueryChars</c> (1,000 by default) is refused before it reaches the store.</summary>
    private static readonly string[] QueryLimit = [Invalid];

    private static readonly Lazy<IReadOnlyDictionary<string, HostileCase>> Cases = new(() => Generate().ToDictionary(c => c.Name));

    /// <summary>A hostile string: its name, the value, and what it is (for the rules on what each field accepts).</summary>
    private sealed record Value(string Name, string Text)
    {
        public bool IsBlank => string.IsNullOrWhiteSpace(Text);

        public bool HasControl => Text.Any(char.IsControl);
    }

    private static readonly Value[] Values =
    [
        new("empty", string.Empty),
        new("blank", "  \t "),
        new("huge", new string('x', 100_000)),
        new("nul and bell", "a\u0000b\u0007c"),
        new("ansi escape", "\u001b[2J\u001b[31mred"),
        new("crlf injection", "line\r\nInjected-Header: yes"),
        new("nested quotes", string.Concat(Enumerable.Repeat("\"'«‹", 750))),
        new("unix path", "../../etc/passwd"),
        new("windows path", "..\\..\\windows\\system32\\config"),
        new("sql quote", "x'; DROP TABLE reports; --"),
        new("sql or", "\" OR 1=1 --"),
        new("bidi and zero width", "\u202Eevil\u200Btext\uFEFF"),
        new("percent encoded", "%00%2F..%2F%252e"),
        new("astral", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉 标准"),
    ];

    public static TheoryData<string> Names
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in Cases.Value.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    public static int Count => Cases.Value.Count;

    public static HostileCase Get(string name) => Cases.Value[name];

    private static IEnumerable<HostileCase> Generate() =>
        RegisterFieldCases()
            .Concat(RegisterStructureCases())
            .Concat(ReadCases())
            .Concat(ListCases())
            .Concat(WatchCases())
            .Concat(NewerRpcCases())
            .Concat(BatchCases())
            .Concat(WireCases())
            .Concat(HttpCases())
            .Concat(NewerHttpCases());

    private static string[] Expect(params string[] statuses) => statuses;

    // --- RegisterReport: each hostile value in each field of an otherwise valid report.

    private static IEnumerable<HostileCase> RegisterFieldCases()
    {
        var fields = new (string Field, Func<Value, string[]> Rule, Action<V1.RegisterReportRequest, string> Set)[]
        {
            ("report_id", IdRule, (r, v) => r.ReportId = v),
            ("source", v => v.IsBlank || v.Text.Length > 256 ? Expect(Invalid) : Expect(Ok), (r, v) => r.Source = v),
            ("url", v => v.Text.Length > 16 * 1024 ? Expect(Invalid) : Expect(Ok), (r, v) => r.Url = v),
            ("title", v => v.Text.Length > 16 * 1024 ? Expect(Invalid) : Expect(Ok), (r, v) => r.Title = v),
            ("text", v => Utf8Length(v.Text) > HostileTarget.MaxTextBytes ? Expect(Invalid) : Expect(Ok), (r, v) => r.Text = v),
            ("speaker", v => v.IsBlank || v.Text.Length > 256 ? Expect(Invalid) : Expect(Ok), (r, v) => r.Statements[0].Speaker = v),
            ("content", v => v.IsBlank || v.Text.Length > 16 * 1024 ? Expect(Invalid) : Expect(Ok), (r, v) => r.Statements[0].Content = v),
            ("quote", v => v.Text.Length > 16 * 1024 ? Expect(Invalid) : Expect(Ok), (r, v) => r.Statements[0].Quote = v),
            ("via", v => v.IsBlank || v.Text.Length > 256 ? Expect(Invalid) : Expect(Ok), (r, v) => r.Statements[0].Via.Add(v)),
            ("claim_id", ClaimIdRule, (r, v) => r.Statements[0].ClaimId = v),
        };
        foreach (var (field, rule, set) in fields)
        {
            foreach (var value in Values)
            {
                var name = $"RegisterReport {field} {value.Name}";
                var request = Reports.Report("hostile-" + Slug(name), "Outlet", "Speaker", [], "Hostile field " + Slug(name));
                set(request, value.Text);
                var expected = rule(value);
                yield return new HostileCase(name, expected, Writes: true, async target =>
                {
                    var answer = await HostileTarget.CallAsync(() => target.Client.RegisterReportAsync(request).ResponseAsync);
                    if (answer.Status == Ok)
                    {
                        // Stored as sent: the report reads back with the same hostile value.
                        var stored = await target.Client.GetReportAsync(new V1.GetReportRequest { ReportId = request.ReportId });
                        if (stored.Title != request.Title || stored.Text != request.Text || stored.Url != request.Url)
                        {
                            return new Answer("read back differs", stored.ToString());
                        }
                    }

                    return answer;
                });
            }
        }
    }

    private static string[] ClaimIdRule(Value value) =>
        value.Text.Length == 0 ? Expect(Ok) : IdRule(value) is [Ok] ? Expect(NotFound) : IdRule(value);

    private static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Ids: required, at most 256 characters, no control characters; anything else (slashes, quotes) is a valid key.</summary>
    private static string[] IdRule(Value value) =>
        value.IsBlank || value.Text.Length > 256 || value.HasControl ? Expect(Invalid) : Expect(Ok);

    // --- RegisterReport: structure.

    private static IEnumerable<HostileCase> RegisterStructureCases()
    {
        foreach (var count in new[] { HostileTarget.MaxStatements, HostileTarget.MaxStatements + 1, 10_000 })
        {
            var request = new V1.RegisterReportRequest { ReportId = $"hostile-statements-{count}", Source = "Outlet" };
            for (var i = 0; i < count; i++)
            {
                request.Statements.Add(new V1.StatementInput { Speaker = "Speaker", Content = $"Numbered claim {i} of {count}" });
            }

            yield return Register($"RegisterReport {count} statements", request, count <= HostileTarget.MaxStatements ? Ok : Invalid);
        }

        foreach (var stance in new[] { -1, 5, 42, int.MaxValue })
        {
            var request = Reports.Report($"hostile-stance-{stance}", "Outlet", "Speaker", [], "Unknown stance");
            request.Statements[0].Stance = (V1.Stance)stance;
            yield return Register($"RegisterReport stance {stance}", request, Invalid);
        }

        foreach (var modality in new[] { -1, 3, 99 })
        {
            var request = Reports.Report($"hostile-modality-{modality}", "Outlet", "Speaker", [], "Unknown modality");
            request.Statements[0].Modality = (V1.Modality)modality;
            yield return Register($"RegisterReport modality {modality}", request, Invalid);
        }

        var timestamps = new (string Name, long Seconds, int Nanos, string Expected)[]
        {
            ("before year 1", -62_135_596_801, 0, Invalid),
            ("after year 9999", 253_402_300_800, 0, Invalid),
            ("far future", long.MaxValue, 0, Invalid),
            ("far past", long.MinValue, 0, Invalid),
            ("negative nanos", 0, -1, Invalid),
            ("nanos of a second", 0, 1_000_000_000, Invalid),
            ("year 1", -62_135_596_800, 0, Ok),
            ("year 9999", 253_402_300_799, 999_999_999, Ok),
            ("epoch", 0, 0, Ok),
        };
        foreach (var (name, seconds, nanos, expected) in timestamps)
        {
            var request = Reports.Report("hostile-time-" + Slug(name), "Outlet", "Speaker", [], "Published at an odd time " + name);
            request.PublishedAt = new Timestamp { Seconds = seconds, Nanos = nanos };
            yield return Register($"RegisterReport published_at {name}", request, expected);
        }

        var duplicate = Reports.Report("hostile-duplicate-statements", "Outlet", "Speaker", [], "Said twice in one report");
        duplicate.Statements.Add(duplicate.Statements[0].Clone());
        yield return Register("RegisterReport duplicate statements", duplicate, Ok);

        yield return new HostileCase("RegisterReport duplicate claim ids", Expect(Ok), Writes: true, async target =>
        {
            var request = Reports.Report("hostile-duplicate-claim-ids", "Outlet", "Speaker", [], "Links twice to the seed claim");
            request.Statements[0].ClaimId = target.SeedClaimId;
            request.Statements.Add(request.Statements[0].Clone());
            return await HostileTarget.CallAsync(() => target.Client.RegisterReportAsync(request).ResponseAsync);
        });
        yield return new HostileCase("RegisterReport same id, other content", Expect("AlreadyExists"), Writes: true, async target =>
        {
            var changed = Reports.Report("hostile-seed", "Seed Outlet", "Seed Speaker", ["AFP"], "The seed claim does not hold");
            return await HostileTarget.CallAsync(() => target.Client.RegisterReportAsync(changed).ResponseAsync);
        });
        yield return new HostileCase("RegisterReport same id, same content", Expect(Ok), Writes: true, async target =>
        {
            var same = Reports.Report("hostile-seed", "Seed Outlet", "Seed Speaker", ["AFP"], "The seed claim holds");
            return await HostileTarget.CallAsync(() => target.Client.RegisterReportAsync(same).ResponseAsync);
        });
        yield return Register(
            "RegisterReport nothing but an id",
            new V1.RegisterReportRequest { ReportId = "hostile-bare" },
            Invalid);
        yield return Register(
            "RegisterReport source only",
            new V1.RegisterReportRequest { ReportId = "hostile-source-only", Source = "Outlet" },
            Invalid);

        // Text the extractor must read without failing: many attributed sentences, odd characters.
        var sentences = string.Join(" ", Enumerable.Range(0, 400).Select(i => $"Official {i % 7} said that {i} boats had left."));
        yield return Register(
            "RegisterReport text of 400 attributed sentences",
            new V1.RegisterReportRequest { ReportId = "hostile-text-sentences", Source = "Outlet", Text = sentences },
            Ok);
        foreach (var value in Values.Where(v => v.Text.Length > 0 && Encoding.UTF8.GetByteCount(v.Text) <= HostileTarget.MaxTextBytes))
        {
            var text = $"\"{value.Text}\", the minister said. According to {value.Text}, {value.Text} happened.";
            yield return Register(
                $"RegisterReport text only, quoting {value.Name}",
                new V1.RegisterReportRequest { ReportId = "hostile-text-" + Slug(value.Name), Source = "Outlet", Text = text },
                Ok);
        }
    }

    private static HostileCase Register(string name, V1.RegisterReportRequest request, string expected) =>
        new(name, Expect(expected), Writes: true, t => HostileTarget.CallAsync(() => t.Client.RegisterReportAsync(request).ResponseAsync));

    // --- GetReport, GetClaim, GetActor.

    private static IEnumerable<HostileCase> ReadCases()
    {
        foreach (var value in Values)
        {
            // Prefixed so that no case reads an id another case stores; blank stays blank.
            var id = value.IsBlank ? value.Text : "absent-" + value.Text;
            var expected = IdRule(new Value(value.Name, id)) is [Ok] ? Expect(NotFound) : Expect(Invalid);
            yield return Read($"GetReport {value.Name}", expected, t => t.Client.GetReportAsync(new() { ReportId = id }).ResponseAsync);
            yield return Read($"GetClaim {value.Name}", expected, t => t.Client.GetClaimAsync(new() { ClaimId = id }).ResponseAsync);
            yield return Read($"GetActor {value.Name}", expected, t => t.Client.GetActorAsync(new() { ActorId = id }).ResponseAsync);
        }

        var tokens = new (string Token, string Expected)[]
        {
            ("garbage", Invalid), ("before:", Invalid), ("before:-1", Invalid), ("before:1e3", Invalid), ("before: 5", Invalid),
            ("before:99999999999", Invalid), ("BEFORE:5", Invalid), ("before:5/../1", Invalid), ("' OR 1=1 --", Invalid),
            (new string('9', 5000), Invalid), ("before:0", Ok), ("before:2147483647", Ok),
        };
        foreach (var (token, expected) in tokens)
        {
            yield return Read(
                $"GetClaim statement_page_token {Slug(token)}",
                Expect(expected),
                t => t.Client.GetClaimAsync(new() { ClaimId = t.SeedClaimId, StatementPageToken = token }).ResponseAsync);
        }

        foreach (var (size, expected) in new[] { (-1, Invalid), (int.MinValue, Invalid), (int.MaxValue, Ok) })
        {
            yield return Read(
                $"GetClaim statement_page_size {size}",
                Expect(expected),
                t => t.Client.GetClaimAsync(new() { ClaimId = t.SeedClaimId, StatementPageSize = size }).ResponseAsync);
        }
    }

    private static HostileCase Read(string name, string[] expected, Func<HostileTarget, Task> call) =>
        new(name, expected, Writes: false, target => HostileTarget.CallAsync(() => call(target)));

    // --- ListClaims, ListActors.

    private static readonly (string Token, string Expected)[] PageTokens =
    [
        ("garbage", Invalid), ("p", Invalid), ("p-1", Invalid), ("p1e3", Invalid), (" p5", Invalid), ("p5 ", Invalid),
        ("p99999999999999999999", Invalid), ("P5", Invalid), ("p5/../1", Invalid), ("' OR 1=1 --", Invalid),
        ("f12", Invalid), ("before:5", Invalid), ("p0", Ok), ("p9223372036854775807", Ok),
    ];

    private static IEnumerable<HostileCase> ListCases()
    {
        foreach (var value in Values)
        {
            var expected = value.Text.Length > 1000 ? QueryLimit : Expect(Ok);
            yield return Read($"ListClaims query {value.Name}", expected, Claims(new() { Query = value.Text }));
            yield return Read($"ListActors query {value.Name}", expected, Actors(new() { Query = value.Text }));
            // An actor filter that matches nobody is an empty page, whatever its characters.
            yield return Read(
                $"ListClaims actor_id {value.Name}",
                Expect(Ok),
                t => t.Client.ListClaimsAsync(new V1.ListClaimsRequest { ActorId = value.Text }).ResponseAsync);
        }

        var manyWords = string.Join(" ", Enumerable.Range(0, 20_000).Select(i => "w" + i));
        yield return Read("ListClaims query of 20,000 words", QueryLimit, Claims(new() { Query = manyWords }));
        yield return Read("ListActors query of 20,000 words", QueryLimit, Actors(new() { Query = manyWords }));

        foreach (var (token, expected) in PageTokens)
        {
            var name = Slug(token);
            // ListClaims' tokens carry their order and filters since the search orders: none of these was issued.
            yield return Read($"ListClaims page_token {name}", Expect(Invalid), Claims(new() { PageToken = token }));
            yield return Read($"ListActors page_token {name}", Expect(expected), Actors(new() { PageToken = token }));
        }

        foreach (var (size, expected) in new[] { (-1, Invalid), (int.MinValue, Invalid), (int.MaxValue, Ok), (0, Ok) })
        {
            yield return Read($"ListClaims page_size {size}", Expect(expected), Claims(new() { PageSize = size }));
            yield return Read($"ListActors page_size {size}", Expect(expected), Actors(new() { PageSize = size }));
        }

        foreach (var (status, expected) in new[] { (-1, Invalid), (6, Invalid), (99, Invalid), (int.MaxValue, Invalid), (5, Ok) })
        {
            yield return Read(
                $"ListClaims status {status}",
                Expect(expected),
                t => t.Client.ListClaimsAsync(new V1.ListClaimsRequest { Status = (V1.CorroborationStatus)status }).ResponseAsync);
        }
    }

    private static Func<HostileTarget, Task> Claims(V1.ListClaimsRequest request) => t => t.Client.ListClaimsAsync(request).ResponseAsync;

    private static Func<HostileTarget, Task> Actors(V1.ListActorsRequest request) => t => t.Client.ListActorsAsync(request).ResponseAsync;

    // --- WatchClaims: refusals come before the stream starts; an accepted watch stays open until its deadline.

    private static IEnumerable<HostileCase> WatchCases()
    {
        var cursors = new[]
        {
            "garbage", "f", "f-1", "f1e3", " f5", "F5", "f99999999999999999999", "p5", "' OR 1=1 --", new string('f', 3000),
        };
        foreach (var cursor in cursors)
        {
            yield return Watch($"WatchClaims cursor {Slug(cursor)}", Invalid, new V1.WatchClaimsRequest { Cursor = cursor });
        }

        foreach (var status in new[] { 0, -1, 6, 99 })
        {
            var request = new V1.WatchClaimsRequest();
            request.Statuses.Add((V1.CorroborationStatus)status);
            yield return Watch($"WatchClaims statuses {status}", Invalid, request);
        }

        var both = new V1.WatchClaimsRequest { Cursor = "f1", IncludeSnapshot = true };
        yield return Watch("WatchClaims snapshot with cursor", Invalid, both);

        var tooMany = new V1.WatchClaimsRequest();
        tooMany.ClaimIds.Add(Enumerable.Range(0, 10_001).Select(i => "c-" + i));
        yield return Watch("WatchClaims 10,001 claim ids", Invalid, tooMany);

        var duplicates = new V1.WatchClaimsRequest();
        duplicates.ClaimIds.Add(Enumerable.Repeat("c-same", 500));
        duplicates.ActorIds.Add(Values.Select(v => v.Text));
        yield return Watch("WatchClaims duplicate and hostile ids", "DeadlineExceeded", duplicates);
        yield return Watch("WatchClaims valid far cursor", "DeadlineExceeded", new() { Cursor = "f9223372036854775807" });
    }

    private static HostileCase Watch(string name, string expected, V1.WatchClaimsRequest request) =>
        new(name, Expect(expected), Writes: false, target => HostileTarget.CallAsync(async () =>
        {
            using var call = target.Client.WatchClaims(request, deadline: DateTime.UtcNow.AddSeconds(1.5));
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }));

    // --- Bytes on the wire that are not a valid request message, sent to every RPC in a hand-made gRPC frame.

    private static IEnumerable<HostileCase> WireCases()
    {
        // Every method of the service, with a string field of its request message for the invalid bytes to go into (in
        // a nested message when the request has none of its own, as RegisterReports' reports).
        var methods = V1.ClaimTracker.Descriptor.Methods.Select(m => (
            Method: m.Name,
            StringField: StringPath(m.InputType),
            Parser: m.InputType.Parser));
        var invalidUtf8 = new (string Name, byte[] Bytes)[]
        {
            ("bad continuation", [0xC3, 0x28]),
            ("overlong slash", [0xC0, 0xAF]),
            ("encoded surrogate", [0xED, 0xA0, 0x80]),
            ("lone continuation", [0x80]),
            ("cut multibyte", [0xE2, 0x82]),
            ("five byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]),
            ("byte ff", [0xFF]),
        };
        foreach (var (method, field, parser) in methods)
        {
            var writes = WritingMethods.Contains(method);
            foreach (var (name, bytes) in invalidUtf8)
            {
                var message = field.Aggregate(
                    (byte[])[.. "ok-"u8.ToArray(), .. bytes, .. "-end"u8.ToArray()], (inner, number) => StringField(number, inner));
                yield return Wire($"{method} wire invalid UTF-8 {name}", writes, method, message);
            }

            // Length-delimited field that claims 40 bytes and has 5; a varint cut after its first byte.
            byte[] truncated = [(byte)((field[^1] << 3) | 2), 40, .. "short"u8.ToArray()];
            yield return Wire($"{method} wire truncated string", writes, method, truncated);
            yield return Wire($"{method} wire truncated varint", writes, method, [0x10, 0xFF]);

            // Random bytes, taking only seeds whose bytes do not happen to parse.
            var found = 0;
            for (var seed = 1; found < 3; seed++)
            {
                var random = new byte[64];
                new Random(seed * 31 + method.Length).NextBytes(random);
                if (Parses(parser, random))
                {
                    continue;
                }

                found++;
                yield return Wire($"{method} wire random bytes {found}", writes, method, random);
            }

            yield return new HostileCase(
                $"{method} wire frame declaring 64 MB",
                Expect("ResourceExhausted"),
                writes,
                target => target.RawGrpcAsync(method, [0x0A, 0x01, 0x41], declaredLength: 64u * 1024 * 1024));
        }
    }

    private static HostileCase Wire(string name, bool writes, string method, byte[] message) =>
        new(name, Expect(Invalid), writes, target => target.RawGrpcAsync(method, message));

    /// <summary>Field numbers from the innermost string field out to the request's own field that holds it.</summary>
    private static int[] StringPath(MessageDescriptor message)
    {
        var fields = message.Fields.InFieldNumberOrder();
        if (fields.FirstOrDefault(f => f.FieldType == FieldType.String) is { } text)
        {
            return [text.FieldNumber];
        }

        var holder = fields.First(f => f.FieldType == FieldType.Message && f.MessageType.Fields.InFieldNumberOrder()
            .Any(inner => inner.FieldType == FieldType.String));
        return [.. StringPath(holder.MessageType), holder.FieldNumber];
    }

    private static byte[] StringField(int field, byte[] value) => [(byte)((field << 3) | 2), (byte)value.Length, .. value];

    private static bool Parses(MessageParser parser, byte[] bytes)
    {
        try
        {
            parser.ParseFrom(bytes);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    // --- HTTP/JSON routes.

    private static IEnumerable<HostileCase> HttpCases()
    {
        const string Valid = """{"reportId":"ID","source":"Outlet","statements":[{"speaker":"Speaker","content":"Posted as JSON ID"}]}""";
        var bodies = new (string Name, byte[] Body, string Expected)[]
        {
            ("not json", "not json"u8.ToArray(), Http400),
            ("empty body", [], Http400),
            ("open brace", "{"u8.ToArray(), Http400),
            ("array", "[]"u8.ToArray(), Http400),
            ("null", "null"u8.ToArray(), Http400),
            ("number for a string", """{"reportId":5,"source":"Outlet","text":"t"}"""u8.ToArray(), Http400),
            ("string for a list", """{"reportId":"x","source":"Outlet","statements":"x"}"""u8.ToArray(), Http400),
            ("nesting 10,000 deep", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), Http400),
            ("nested objects 10,000 deep",
                Utf8("{\"reportId\":" + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_001)),
                Http400),
            ("lone surrogate escape", """{"reportId":"x\ud800","source":"Outlet","text":"t"}"""u8.ToArray(), Http400),
            ("invalid UTF-8 bytes", [.. "{\"reportId\":\"x"u8.ToArray(), 0xC3, 0x28, .. "\",\"source\":\"O\",\"text\":\"t\"}"u8.ToArray()],
                Http400),
            ("unknown stance name",
                """{"reportId":"x","source":"O","statements":[{"speaker":"a","content":"b","stance":"BOGUS"}]}"""u8.ToArray(),
                Http400),
            ("unknown stance number",
                """{"reportId":"x","source":"O","statements":[{"speaker":"a","content":"b","stance":99}]}"""u8.ToArray(),
                Http400),
            ("timestamp not a time", """{"reportId":"x","source":"O","text":"t","publishedAt":"yesterday"}"""u8.ToArray(), Http400),
            ("timestamp year 0", """{"reportId":"x","source":"O","text":"t","publishedAt":"0000-01-01T00:00:00Z"}"""u8.ToArray(), Http400),
            ("timestamp year 10000", """{"reportId":"x","source":"O","text":"t","publishedAt":"10000-01-01T00:00:00Z"}"""u8.ToArray(),
                Http400),
            ("huge title", Utf8("{\"reportId\":\"x\",\"source\":\"O\",\"text\":\"t\",\"title\":\"" + new string('t', 100_000) + "\"}"),
                Http400),
            ("control characters in id", """{"reportId":"a\u0000b","source":"O","text":"t"}"""u8.ToArray(), Http400),
            ("valid", Encoding.UTF8.GetBytes(Valid.Replace("ID", "hostile-json-valid", StringComparison.Ordinal)), Http200),
            ("valid with nested quotes", Encoding.UTF8.GetBytes(
                Valid.Replace("ID", "hostile-json-quotes", StringComparison.Ordinal)
                    .Replace("Speaker", "\\\"'\\\"'\\\"", StringComparison.Ordinal)),
                Http200),
        };
        foreach (var (name, body, expected) in bodies)
        {
            yield return new HostileCase($"POST /v1/reports {name}", Expect(expected), Writes: expected != Http200, target =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return target.HttpAsync(HttpMethod.Post, "/v1/reports", content);
            });
        }

        var gets = new (string Path, string Expected)[]
        {
            ("/v1/reports/absent%2F..%2F..%2Fetc%2Fpasswd", Http404),
            ("/v1/reports/absent/../../etc/passwd", Http404),
            ("/v1/reports/a%00b", Http400),
            ("/v1/reports/a%0D%0AX-Injected:%20yes", Http400),
            ("/v1/reports/" + new string('r', 300), Http400),
            ("/v1/reports/absent%E2%80%AE", Http404),
            ("/v1/reports/absent%27%3B%20DROP%20TABLE%20reports%3B--", Http404),
            ("/v1/reports/hostile-seed", Http200),
            ("/v1/claims/c-absent", Http404),
            ("/v1/claims/%27%20OR%201%3D1%20--", Http404),
            ("/v1/claims/a%00b", Http400),
            ("/v1/actors/a-absent", Http404),
            ("/v1/actors/%2E%2E", Http404),
            ("/v1/claims?pageToken=garbage", Http400),
            ("/v1/claims?pageToken=p-1", Http400),
            ("/v1/claims?pageSize=-1", Http400),
            ("/v1/claims?pageSize=abc", Http400),
            ("/v1/claims?pageSize=99999999999", Http400),
            ("/v1/claims?status=99", Http400),
            ("/v1/claims?status=BOGUS", Http400),
            ("/v1/claims?query=%00%27%22", Http200),
            ("/v1/actors?pageToken=%27", Http400),
            ("/v1/actors?pageSize=-5", Http400),
            ("/v1/actors?query=..%2F..%2F", Http200),
            ("/v1/claims:watch?cursor=garbage", Http400),
            ("/v1/claims:watch?statuses=99", Http400),
            ("/v1/claims:watch?cursor=f1&includeSnapshot=true", Http400),
        };
        foreach (var (path, expected) in gets)
        {
            yield return new HostileCase($"GET {path}", Expect(expected), Writes: false, target => target.HttpAsync(HttpMethod.Get, path));
        }
    }

    /// <summary>A short, readable, id-safe rendering of a value for case names and report ids.</summary>
    private static string Slug(string value)
    {
        var text = value.Length > 24 ? value[..24] + "…" + value.Length : value;
        var slug = new StringBuilder();
        foreach (var c in text)
        {
            slug.Append(char.IsLetterOrDigit(c) || c is '-' or ':' or '.' ? c : '_');
        }

        return slug.ToString();
    }
}
