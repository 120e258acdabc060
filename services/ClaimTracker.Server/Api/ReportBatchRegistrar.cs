using System.Diagnostics;
using ClaimTracker.Grains;
using ClaimTracker.Server.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Options;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>
/// Registers the reports of a batch (<c>RegisterReports</c>, <c>POST /v1/reports:batch</c>) as separate
/// <c>RegisterReport</c> calls would: each validated, registered and answered on its own, so one bad report fails
/// alone. Up to <see cref="IngestOptions.BatchConcurrency"/> reports are in flight at once, so a batch keeps the
/// store's group commit as full as that many callers would; repeats of one report id are registered one after the
/// other, in batch order, so the first of them is the one that counts. Outcomes come back in batch order.
/// </summary>
internal sealed partial class ReportBatchRegistrar(
    IGrainFactory grains,
    IOptionsMonitor<IngestOptions> ingestOptions,
    Telemetry.ClaimTrackerMetrics metrics,
    ILogger<ReportBatchRegistrar> logger)
{
    /// <summary>The INVALID_ARGUMENT for a batch over <see cref="IngestOptions.MaxReportsPerBatch"/>, or null.</summary>
    public RpcException? Oversized(int reports)
    {
        var max = ingestOptions.CurrentValue.MaxReportsPerBatch;
        return reports <= max
            ? null
            : RequestValidator.Invalid($"the batch has {reports:N0} reports; the limit is {max:N0} (Ingest:MaxReportsPerBatch): " +
                $"split it into batches of at most {max:N0}");
    }

    /// <summary>
    /// One registration per entry, in order, each yielded as soon as it and all before it are done. An entry is a
    /// request, or the INVALID_ARGUMENT that parsing its line produced (NDJSON). <paramref name="ordered"/> registers
    /// one report at a time.
    /// </summary>
    public async IAsyncEnumerable<V1.ReportRegistration> RegisterAsync(
        IReadOnlyList<BatchEntry> entries,
        bool ordered,
        string caller,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        // Not disposed: registrations still in flight when a caller stops reading release their slot afterwards.
        var slots = new SemaphoreSlim(ordered ? 1 : Math.Max(1, ingestOptions.CurrentValue.BatchConcurrency));
        var lastOfId = new Dictionary<string, Task>(StringComparer.Ordinal);
        var pending = new Task<V1.ReportRegistration>[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var reportId = entry.Request?.ReportId ?? string.Empty;
            // Ordered: each report waits for the one before it (the semaphore alone does not keep order).
            var previous = ordered && i > 0 ? pending[i - 1] : lastOfId.GetValueOrDefault(reportId, Task.CompletedTask);
            pending[i] = RegisterInTurnAsync(i, entry, previous, slots, caller, cancellation);
            if (reportId.Length > 0)
            {
                lastOfId[reportId] = pending[i];
            }
        }

        foreach (var registration in pending)
        {
            yield return await registration;
        }
    }

    private async Task<V1.ReportRegistration> RegisterInTurnAsync(
        int index,
        BatchEntry entry,
        Task previous,
        SemaphoreSlim slots,
        string caller,
        CancellationToken cancellation)
    {
        var registration = new V1.ReportRegistration { Index = index, ReportId = entry.Request?.ReportId ?? string.Empty };
        if (entry.Request is not { } request)
        {
            registration.Error = ToStatus(entry.ParseError!.Status);
            return registration;
        }

        await previous;
        await slots.WaitAsync(cancellation);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var submission = RequestValidator.ToSubmission(request, ingestOptions.CurrentValue) with { RegisteredBy = caller };
            var result = await grains.Reference<IReportGrain>(submission.ReportId).Register(submission).WaitAsync(cancellation);
            switch (result.Status)
            {
                case RegistrationStatus.Conflict:
                    registration.Error = new Google.Rpc.Status { Code = (int)StatusCode.AlreadyExists, Message = result.Message };
                    return registration;
                case RegistrationStatus.UnknownClaim:
                    registration.Error = new Google.Rpc.Status { Code = (int)StatusCode.NotFound, Message = result.Message };
                    return registration;
            }

            registration.Registered = new V1.RegisterReportResponse { Report = ProtoMapper.ToProto(result.Report!) };
            registration.Registered.Outcomes.Add(result.Outcomes.Select(ProtoMapper.ToProto));
            registration.AlreadyRegistered = result.Status == RegistrationStatus.AlreadyRegistered;
            metrics.ReportRegistered(
                result.Outcomes.Length,
                result.Outcomes.Count(outcome => outcome.ClaimCreated),
                Stopwatch.GetElapsedTime(started));
        }
        catch (RpcException refused)
        {
            registration.Error = ToStatus(refused.Status);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            LogReportFailed(logger, registration.ReportId, failure);
            registration.Error = ToStatus(ErrorMappingInterceptor.StatusOf(failure));
        }
        finally
        {
            slots.Release();
        }

        return registration;
    }

    private static Google.Rpc.Status ToStatus(Status status) => new() { Code = (int)status.StatusCode, Message = status.Detail };

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering report {ReportId} in a batch failed")]
    private static partial void LogReportFailed(ILogger logger, string reportId, Exception exception);
}

/// <summary>One report of a batch: its request, or why its NDJSON line could not be read as one.</summary>
internal readonly record struct BatchEntry(V1.RegisterReportRequest? Request, RpcException? ParseError);
