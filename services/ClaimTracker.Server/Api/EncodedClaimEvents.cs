using System.Buffers;
using System.Runtime.CompilerServices;
using ClaimTracker.Grains.Feed;
using Google.Protobuf;
using Grpc.Core;
using V1 = ClaimTracker.V1;

namespace ClaimTracker.Server.Api;

/// <summary>
/// Every watcher of a silo receives the same <see cref="FeedEvent"/> instances (live, and caught up
/// from the feed's memory of recent entries). Each is mapped to protobuf and encoded once; the
/// watchers' writes then copy those bytes instead of serializing the event again per watcher.
/// WatchClaims is bound with <see cref="Marshaller"/> (see <see cref="EncodedWatchBinder"/>).
/// </summary>
internal static class EncodedClaimEvents
{
    private static readonly ConditionalWeakTable<FeedEvent, V1.ClaimEvent> Mapped = new();
    private static readonly ConditionalWeakTable<V1.ClaimEvent, byte[]> Encoded = new();

    /// <summary>WatchClaims' response marshaller: the bytes encoded with the event when there are any.</summary>
    public static Marshaller<V1.ClaimEvent> Marshaller { get; } = Marshallers.Create<V1.ClaimEvent>(
        Serialize,
        context => V1.ClaimEvent.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    /// <summary>The protobuf event of <paramref name="feedEvent"/>, mapped and encoded on first use.</summary>
    public static V1.ClaimEvent Get(FeedEvent feedEvent) => Mapped.GetValue(feedEvent, Encode);

    private static V1.ClaimEvent Encode(FeedEvent feedEvent)
    {
        var proto = ProtoMapper.ToProto(feedEvent);
        Encoded.AddOrUpdate(proto, proto.ToByteArray());
        return proto;
    }

    private static void Serialize(V1.ClaimEvent message, SerializationContext context)
    {
        if (Encoded.TryGetValue(message, out var bytes))
        {
            context.SetPayloadLength(bytes.Length);
            context.GetBufferWriter().Write(bytes);
        }
        else
        {
            // Events built per call (snapshots): serialized as the generated marshaller does.
            context.SetPayloadLength(message.CalculateSize());
            message.WriteTo(context.GetBufferWriter());
        }

        context.Complete();
    }
}

/// <summary>
/// Forwards the generated binding of the ClaimTracker service unchanged, except that methods
/// streaming <see cref="V1.ClaimEvent"/>s (WatchClaims) use <see cref="EncodedClaimEvents.Marshaller"/>.
/// </summary>
internal sealed class EncodedWatchBinder(ServiceBinderBase inner) : ServiceBinderBase
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        if (EncodedClaimEvents.Marshaller is Marshaller<TResponse> encoded)
        {
            method = new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, method.RequestMarshaller, encoded);
        }

        inner.AddMethod(method, handler);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler);
}
