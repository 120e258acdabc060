namespace ClaimTracker.Grains;

/// <summary>
/// References to string-keyed grains on the ingest path. <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c> resolves the interface's
/// grain type again on every call, by reflection over its custom attributes and type name; a report of five statements
/// takes a dozen references. Here each interface is resolved once per process and every later reference is built from
/// its grain type and interface type directly.
/// </summary>
public static class GrainReferences
{
    public static TGrain Reference<TGrain>(this IGrainFactory grains, string key)
        where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        // A reference is written whole (threads that race both resolve the same types).
        var types = Resolved<TGrain>.Types ??= Resolve<TGrain>(grains);
        return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    private static GrainTypes Resolve<TGrain>(IGrainFactory grains)
        where TGrain : IGrainWithStringKey
    {
        var probe = (GrainReference)(object)grains.GetGrain<TGrain>("-");
        return new GrainTypes(probe.GrainId.Type, probe.InterfaceType);
    }

    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class Resolved<TGrain>
    {
        public static GrainTypes? Types;
    }
}
