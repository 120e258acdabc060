using Orleans.Serialization;

namespace ClaimTracker.Grains.Journal;

/// <summary>Turns journal events, feed entries and reports into bytes with Orleans' version-tolerant serializer.</summary>
public sealed class PayloadSerializer(Serializer serializer)
{
    public byte[] Serialize<T>(T value) => serializer.SerializeToArray(value);

    public T Deserialize<T>(byte[] payload) =>
        serializer.Deserialize<T>(payload) ?? throw new InvalidDataException($"stored {typeof(T).Name} payload deserialized to null");
}
