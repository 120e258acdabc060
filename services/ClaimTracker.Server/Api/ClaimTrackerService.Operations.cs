using Grpc.Core;

namespace ClaimTracker.Server.Api;

/// <summary>Bound through <see cref="RequestParsing"/>: a request that does not parse is INVALID_ARGUMENT.</summary>
[BindServiceMethod(typeof(RequestParsing), nameof(RequestParsing.BindService))]
internal sealed partial class ClaimTrackerService;
