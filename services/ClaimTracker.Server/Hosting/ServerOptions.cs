namespace ClaimTracker.Server.Hosting;

/// <summary>Limits on what one RegisterReport may carry; bound from "Ingest".</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest report text, in UTF-8 bytes.</summary>
    public int MaxTextBytes { get; set; } = 1024 * 1024;

    public int MaxStatements { get; set; } = 1000;

    /// <summary>Most reports in one RegisterReports call or NDJSON batch.</summary>
    public int MaxReportsPerBatch { get; set; } = 1000;

    /// <summary>Reports of one batch registered at once (see docs/ingest.md).</summary>
    public int BatchConcurrency { get; set; } = 32;
}

/// <summary>Bound from "Watch".</summary>
public sealed class WatchOptions
{
    public const string SectionName = "Watch";

    /// <summary>Events buffered per watcher before it is switched to catch-up from the journal.</summary>
    public int BufferSize { get; set; } = 1024;
}

/// <summary>Silo identity and ports; bound from "Orleans".</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Orleans";

    public string ClusterId { get; set; } = "claimtracker";

    public string ServiceId { get; set; } = "claimtracker";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (cluster mode; the pod IP in Kubernetes).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The address the silo and gateway listen on (cluster mode); the advertised address when empty, 0.0.0.0 in a
    /// container.</summary>
    public string? ListenAddress { get; set; }

    /// <summary>How long a stopping server may take: Kestrel drains requests, then the silo deactivates its grains and leaves the
    /// cluster.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The HTTP/1.1 side of the server: the web page, HTTP/JSON, OpenAPI and metrics; bound from "Web".</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>
    /// Where browsers, curl and Prometheus connect. A second port, because cleartext Kestrel cannot
    /// serve HTTP/1.1 and prior-knowledge HTTP/2 (gRPC) on one endpoint. Empty turns it off.
    /// </summary>
    public string? Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Serves the Orleans Dashboard at /dashboard (grain activations, call rates, silo health).</summary>
    public bool Dashboard { get; set; }
}

/// <summary>Bound from "Telemetry".</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>An OTLP collector (e.g. http://127.0.0.1:4317) to send traces and metrics to; none when empty.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Whether to record trace spans; by default only when there is an OTLP collector to send them to.</summary>
    public bool? Tracing { get; set; }

    public bool TracingEnabled => Tracing ?? !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>How often the claims-by-status gauge is recounted from the store.</summary>
    public TimeSpan ClaimCountInterval { get; set; } = TimeSpan.FromSeconds(5);
}
