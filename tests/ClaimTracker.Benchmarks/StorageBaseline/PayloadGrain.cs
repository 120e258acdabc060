namespace ClaimTracker.Benchmarks.StorageBaseline;

/// <summary>A grain whose whole job is to store the bytes it is given, one storage write per call.</summary>
internal interface IPayloadGrain : IGrainWithIntegerKey
{
    Task StoreAsync(byte[] data);
}

[GenerateSerializer]
internal sealed class StoredPayload
{
    [Id(0)]
    public byte[] Data { get; set; } = [];
}

internal sealed class PayloadGrain([PersistentState("state", GrainStoreHost.StorageName)] IPersistentState<StoredPayload> state) :
    Grain,
    IPayloadGrain
{
    public Task StoreAsync(byte[] data)
    {
        state.State.Data = data;
        return state.WriteStateAsync();
    }
}
