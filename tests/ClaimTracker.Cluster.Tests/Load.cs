using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Cluster.Tests;

/// <summary>
/// The load: reports with several statements each over a shared pool of claims and origins. Each
/// origin always takes the same stance on a claim, so a claim's status does not depend on the
/// order in which concurrent reports land and a sequential replay must agree with the cluster.
/// </summary>
internal static class Load
{
    private static readonly string[] Subjects =
    [
        "artillery", "drones", "tanks", "grain exports", "refugees", "power plants", "bridges", "ceasefire talks", "sanctions",
        "ammunition",
    ];

    private static readonly string[] Places =
    [
        "Kharkiv", "Odesa", "Bakhmut", "Kherson", "Zaporizhzhia", "Donetsk", "Lviv", "Mariupol", "Sumy", "Dnipro", "Avdiivka",
        "Kupiansk", "Izium", "Mykolaiv", "Chernihiv",
    ];

    public static string ClaimText(int claim) =>
        $"{Subjects[claim % Subjects.Length]} near {Places[claim / Subjects.Length % Places.Length]} reached level {claim * 37 % 1000}";

    public static V1.RegisterReportRequest Report(string prefix, int index, int claims = 150, int origins = 30, int statements = 3)
    {
        var random = new Random(index * 7919 + 17);
        var request = new V1.RegisterReportRequest
        {
            ReportId = $"{prefix}-{index:D5}",
            Source = $"Outlet {index % 12}",
            Url = $"https://example.org/{prefix}/{index}",
            Title = $"Report {index}",
            PublishedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index)),
        };
        var used = new HashSet<int>();
        while (used.Count < statements)
        {
            used.Add(random.Next(claims));
        }

        foreach (var claim in used.Order())
        {
            var origin = random.Next(origins);
            var statement = new V1.StatementInput
            {
                Speaker = $"Origin Agency {origin}",
                Content = ClaimText(claim),
                Stance = (origin + claim) % 5 == 0 ? V1.Stance.Contradicts : V1.Stance.Supports,
            };
            if (origin % 3 == 0)
            {
                statement.Via.Add(origin % 2 == 0 ? "AFP" : "Reuters");
            }

            request.Statements.Add(statement);
        }

        return request;
    }

    /// <summary>
    /// Registers every report through the endpoints (round robin), <paramref name="concurrency"/> at a
    /// time. A failed call is retried, with the same report_id, on the next endpoint. Returns the
    /// number of retries.
    /// </summary>
    public static async Task<int> RegisterAllAsync(
        IReadOnlyList<V1.RegisterReportRequest> reports,
        Func<int, V1.ClaimTracker.ClaimTrackerClient> endpoint,
        int endpoints,
        int concurrency,
        Action<int>? completed,
        CancellationToken cancellationToken)
    {
        var retries = 0;
        var done = 0;
        var queue = new ConcurrentQueue<(int Index, V1.RegisterReportRequest Report)>(reports.Select((r, i) => (i, r)));
        var failures = new ConcurrentBag<Exception>();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var item))
            {
                var target = item.Index % endpoints;
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await endpoint(target).RegisterReportAsync(
                            item.Report,
                            deadline: DateTime.UtcNow.AddSeconds(30),
                            cancellationToken: cancellationToken);
                        break;
                    }
                    catch (RpcException ex) when (attempt < 40 && IsRetryable(ex) && !cancellationToken.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref retries);
                        target = (target + 1) % endpoints;
                        await Task.Delay(100 * Math.Min(attempt + 1, 10), cancellationToken);
                    }
                    catch (Exception ex)
                    {
                        failures.Add(new InvalidOperationException($"report {item.Report.ReportId} failed for good", ex));
                        break;
                    }
                }

                completed?.Invoke(Interlocked.Increment(ref done));
            }
        }, cancellationToken)));
        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }

        return retries;
    }

    private static bool IsRetryable(RpcException ex) =>
        ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown
            or StatusCode.Aborted or StatusCode.Cancelled or StatusCode.ResourceExhausted;
}
