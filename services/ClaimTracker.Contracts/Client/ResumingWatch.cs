using System.Runtime.CompilerServices;
using Grpc.Core;

namespace ClaimTracker.V1.Client;

/// <summary>
/// WatchClaims with the stream's guarantee built in: on a dropped connection or a server restart it
/// reconnects with backoff and the cursor of the last event it yielded, so the caller sees every
/// event exactly once, in order, without writing reconnection code.
/// <para>
/// With <see cref="WatchClaimsRequest.IncludeSnapshot"/> the server first sends each claim's current state; the stream does
/// not mark the snapshot's end, so until the first live event a reconnect asks for the whole snapshot again (the caller sees
/// those claims' states again: a state is a claim at a version, the same one twice), and from then on it resumes with the
/// cursor of the last live event. A cursor the server no longer keeps (<c>OUT_OF_RANGE</c>, its feed retention) is the
/// caller's to handle: start over with a snapshot.
/// </para>
/// </summary>
public sealed class ResumingWatch(ClaimTracker.ClaimTrackerClient client)
{
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>The cursor of the last live event yielded (or the request's cursor before any): where a resume starts.</summary>
    public string Cursor { get; private set; } = string.Empty;

    /// <summary>Called before each reconnect with the failure and the delay about to be waited.</summary>
    public Action<Exception, TimeSpan>? Reconnecting { get; init; }

    public async IAsyncEnumerable<ClaimEvent> WatchAsync(
        WatchClaimsRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (request.IncludeSnapshot && request.Cursor.Length > 0)
        {
            // As the server answers it: a snapshot starts over, a cursor resumes.
            throw new ArgumentException(
                "include_snapshot and cursor cannot be combined: resume with the cursor alone, or start over with include_snapshot",
                nameof(request));
        }

        Cursor = request.Cursor;
        var liveSeen = false;
        var backoff = InitialBackoff;
        while (true)
        {
            var attempt = request.Clone();
            attempt.Cursor = Cursor;
            // A snapshot is asked for until a live event came; the server refuses a snapshot with a cursor.
            attempt.IncludeSnapshot = request.IncludeSnapshot && !liveSeen;
            if (attempt.IncludeSnapshot)
            {
                attempt.Cursor = string.Empty;
            }

            using var call = client.WatchClaims(attempt, cancellationToken: cancellationToken);
            var enumerator = call.ResponseStream.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            Exception? failure = null;
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await enumerator.MoveNextAsync())
                        {
                            break;
                        }
                    }
                    catch (Exception ex) when (IsTransient(ex, cancellationToken))
                    {
                        failure = ex;
                        break;
                    }

                    if (enumerator.Current.Kind != ClaimEventKind.ClaimSnapshot)
                    {
                        Cursor = enumerator.Current.Cursor;
                        liveSeen = true;
                    }

                    backoff = InitialBackoff;
                    yield return enumerator.Current;
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }

            failure ??= new RpcException(new Status(StatusCode.Unavailable, "the server ended the watch"));
            var delay = backoff + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)backoff.TotalMilliseconds / 2 + 1));
            Reconnecting?.Invoke(failure, delay);
            await Task.Delay(delay, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex switch
        {
            RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.ResourceExhausted
                or StatusCode.Cancelled or StatusCode.Aborted or StatusCode.Unknown or StatusCode.DeadlineExceeded,
            IOException or HttpRequestException => true,
            _ => false,
        };
}
