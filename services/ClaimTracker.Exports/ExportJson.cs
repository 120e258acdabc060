using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Google.Protobuf.WellKnownTypes;

namespace ClaimTracker.Exports;

/// <summary>Writing exports as JSON, and the time formats they use.</summary>
public static class ExportJson
{
    /// <summary>
    /// Letters of every script stay readable (no \u escapes for “quotes” or Cyrillic), while the
    /// characters that matter inside an HTML &lt;script&gt; element (&lt; &gt; &amp; ' + `) are still
    /// escaped, so ClaimReview output can be pasted into a page as it is.
    /// </summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static JsonWriterOptions WriterOptions(bool indented) => new() { Indented = indented, Encoder = Encoder };

    /// <summary>Writes <paramref name="node"/> to <paramref name="stream"/>, followed by a newline.</summary>
    public static void Write(Stream stream, JsonNode node, bool indented)
    {
        using (var writer = new Utf8JsonWriter(stream, WriterOptions(indented)))
        {
            node.WriteTo(writer);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>RFC 3339 in UTC with a literal <c>Z</c> and exactly three fraction digits, as STIX 2.1 requires of created and
    /// modified.</summary>
    public static string StixTimestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC to the second, for schema.org dates.</summary>
    public static string IsoTimestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time cut to whole milliseconds, the precision STIX timestamps are written at.</summary>
    public static DateTimeOffset ToMilliseconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>The time a protobuf timestamp holds, or null when it is unset (absent or the zero epoch).</summary>
    public static DateTimeOffset? Time(Timestamp? timestamp) =>
        timestamp is null || (timestamp.Seconds == 0 && timestamp.Nanos == 0) ? null : timestamp.ToDateTimeOffset();
}
