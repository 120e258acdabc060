using System.Text;
using ClaimTracker.Grains;
using ClaimTracker.Server.Hosting;
using ClaimTracker.Server.Security;
using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>Checks requests at the front door and turns them into grain inputs; every refusal names the field.</summary>
internal static class RequestValidator
{
    public const int MaxIdLength = 256;
    public const int MaxFieldLength = 16 * 1024;

    public static ReportSubmission ToSubmission(V1.RegisterReportRequest request, IngestOptions limits)
    {
        RequireId(request.ReportId, "report_id");
        Require(request.Source, "source", "the publishing outlet");
        Limit(request.Source, "source", MaxIdLength);
        Limit(request.Url, "url", MaxFieldLength);
        Limit(request.Title, "title", MaxFieldLength);
        if (request.Text.Length == 0 && request.Statements.Count == 0)
        {
            throw Invalid("text or statements: a report needs its text, its statements, or both");
        }

        var textBytes = Encoding.UTF8.GetByteCount(request.Text);
        if (textBytes > limits.MaxTextBytes)
        {
            throw Invalid($"text is {textBytes:N0} bytes; the limit is {limits.MaxTextBytes:N0} bytes (Ingest:MaxTextBytes)");
        }

        if (request.Statements.Count > limits.MaxStatements)
        {
            throw Invalid(
                $"statements has {request.Statements.Count:N0} entries; the limit is {limits.MaxStatements:N0} (Ingest:MaxStatements)");
        }

        DateTimeOffset? publishedAt = null;
        if (request.PublishedAt is { } timestamp)
        {
            publishedAt = ToDateTimeOffset(timestamp, "published_at");
        }

        var statements = new StatementSubmission[request.Statements.Count];
        for (var i = 0; i < statements.Length; i++)
        {
            statements[i] = ToSubmission(request.Statements[i], i);
        }

        return new ReportSubmission(
            request.ReportId,
            request.Source.Trim(),
            request.Url,
            publishedAt,
            request.Title,
            request.Text,
            statements);
    }

    /// <summary>A list call's search text, refused when longer than <see cref="LimitsOptions.MaxQueryChars"/>.</summary>
    public static string Query(string query, LimitsOptions limits) =>
        query.Length <= limits.MaxQueryChars
            ? query
            : throw Invalid($"query is {query.Length:N0} characters; the limit is {limits.MaxQueryChars:N0} (Limits:MaxQueryChars)");

    public static void RequireId(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid($"{field} is required");
        }

        Limit(value, field, MaxIdLength);
        if (value.Any(char.IsControl))
        {
            throw Invalid($"{field} must not contain control characters");
        }
    }

    public static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    private static StatementSubmission ToSubmission(V1.StatementInput input, int index)
    {
        // The field's path is spelled out only for a refusal: most statements pass.
        string Path(string field) => $"statements[{index}].{field}";
        if (IsBlank(input.Speaker))
        {
            throw Missing(Path("speaker"), "who made the statement");
        }

        if (IsBlank(input.Content))
        {
            throw Missing(Path("content"), "the proposition");
        }

        if (input.Speaker.Length > MaxIdLength)
        {
            throw TooLong(Path("speaker"), input.Speaker, MaxIdLength);
        }

        if (input.Content.Length > MaxFieldLength)
        {
            throw TooLong(Path("content"), input.Content, MaxFieldLength);
        }

        if (input.Quote.Length > MaxFieldLength)
        {
            throw TooLong(Path("quote"), input.Quote, MaxFieldLength);
        }

        string[] via = input.Via.Count == 0 ? [] : new string[input.Via.Count];
        for (var v = 0; v < via.Length; v++)
        {
            if (IsBlank(input.Via[v]))
            {
                throw Missing(Path($"via[{v}]"), "an intermediary's name");
            }

            if (input.Via[v].Length > MaxIdLength)
            {
                throw TooLong(Path($"via[{v}]"), input.Via[v], MaxIdLength);
            }

            via[v] = input.Via[v].Trim();
        }

        if (!Enum.IsDefined(input.Stance))
        {
            throw Invalid($"{Path("stance")} has unknown value {(int)input.Stance}");
        }

        if (!Enum.IsDefined(input.Modality))
        {
            throw Invalid($"{Path("modality")} has unknown value {(int)input.Modality}");
        }

        if (input.ClaimId.Length > 0)
        {
            RequireId(input.ClaimId, Path("claim_id"));
        }

        return new StatementSubmission(
            input.Speaker.Trim(),
            input.Content.Trim(),
            input.Quote,
            via,
            ProtoMapper.FromProto(input.Stance),
            ProtoMapper.FromProto(input.Modality),
            input.ClaimId);
    }

    private static void Require(string value, string field, string what)
    {
        if (IsBlank(value))
        {
            throw Missing(field, what);
        }
    }

    private static void Limit(string value, string field, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw TooLong(field, value, maxLength);
        }
    }

    private static bool IsBlank(string value) => string.IsNullOrWhiteSpace(value);

    private static RpcException Missing(string field, string what) => Invalid($"{field} is required ({what})");

    private static RpcException TooLong(string field, string value, int maxLength) =>
        Invalid($"{field} is {value.Length:N0} characters; the limit is {maxLength:N0}");

    /// <summary>An optional timestamp as a time; INVALID_ARGUMENT outside years 1–9999 or with nanos out of range.</summary>
    public static DateTimeOffset? OptionalTime(Google.Protobuf.WellKnownTypes.Timestamp? timestamp, string field) =>
        timestamp is null ? null : ToDateTimeOffset(timestamp, field);

    /// <summary>A value to quote in an error message, cut short so that the message stays a readable status trailer.</summary>
    public static string Quote(string value) => value.Length > 64 ? value[..64] + $"… ({value.Length:N0} characters)" : value;

    private static DateTimeOffset ToDateTimeOffset(Google.Protobuf.WellKnownTypes.Timestamp timestamp, string field)
    {
        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw Invalid($"{field} is not a valid timestamp");
        }
    }
}
