namespace ClaimTracker.Server.Tests.Hostile;

/// <summary>
/// One hostile request and the answer it must get. <see cref="Expected"/> lists the acceptable statuses
/// ("OK", a gRPC status name, or "HTTP 400"); <see cref="Writes"/> marks a request that tries to store
/// something, for which a refusal must leave the store's row counts as they were.
/// </summary>
public sealed record HostileCase(string Name, string[] Expected, bool Writes, Func<HostileTarget, Task<Answer>> Send)
{
    public override string ToString() => Name;
}
