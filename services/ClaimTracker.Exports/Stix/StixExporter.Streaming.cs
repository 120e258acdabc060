using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Exports.Stix;

public static partial class StixExporter
{
    /// <summary>
    /// Writes one STIX 2.1 bundle from claims that arrive a chunk at a time, so that the whole bundle is never held:
    /// each chunk's notes, opinions and relationships are written and flushed as soon as it is added; identities and
    /// reports (which collect references from every chunk) follow at the end, then the bundle id, a hash of every
    /// object's id and version like <see cref="BuildBundle"/>'s. What stays in memory is one draft per actor and report.
    /// </summary>
    public static async Task WriteStreamingAsync(
        Stream stream, IAsyncEnumerable<ExportData> chunks, bool indented, CancellationToken cancellation = default)
    {
        await using var writer = new Utf8JsonWriter(stream, ExportJson.WriterOptions(indented));
        using var contentKey = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var builder = new BundleBuilder(new ExportData([]));
        var actors = new Dictionary<string, V1.Actor>(StringComparer.Ordinal);
        var reports = new Dictionary<string, V1.Report>(StringComparer.Ordinal);
        var objectCount = 0;

        void WriteObject(System.Text.Json.Nodes.JsonObject stix)
        {
            if (objectCount++ == 0)
            {
                // STIX forbids empty lists: the objects property is only opened once there is an object to put in it.
                writer.WritePropertyName("objects");
                writer.WriteStartArray();
            }

            stix.WriteTo(writer);
            contentKey.AppendData(Encoding.UTF8.GetBytes($"{(string?)stix["id"]}@{(string?)stix["modified"]}\n"));
        }

        writer.WriteStartObject();
        writer.WriteString("type", "bundle");
        await foreach (var chunk in chunks.WithCancellation(cancellation))
        {
            builder.Add(chunk);
            foreach (var (id, actor) in chunk.Actors)
            {
                actors[id] = actor;
            }

            foreach (var (id, report) in chunk.Reports)
            {
                reports[id] = report;
            }

            foreach (var stix in builder.TakeClaimObjects())
            {
                WriteObject(stix);
            }

            await writer.FlushAsync(cancellation);
        }

        foreach (var stix in builder.SourceObjects(new ExportData([], actors.Values, reports.Values)))
        {
            WriteObject(stix);
        }

        if (objectCount > 0)
        {
            writer.WriteEndArray();
        }

        // JSON objects are unordered: the id, which depends on every object, comes last.
        writer.WriteString("id", StixIds.For("bundle", Convert.ToHexStringLower(contentKey.GetHashAndReset())));
        writer.WriteEndObject();
        await writer.FlushAsync(cancellation);
        await stream.WriteAsync("\n"u8.ToArray(), cancellation);
    }
}
