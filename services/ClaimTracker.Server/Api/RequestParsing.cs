using Grpc.Core;

namespace ClaimTracker.Server.Api;

/// <summary>
/// Binds the ClaimTracker service like the generated code does, but with request marshallers that turn a
/// message that does not parse (invalid UTF-8 in a string, a truncated message, random bytes) into
/// INVALID_ARGUMENT. grpc-dotnet deserializes before interceptors run, and reports any exception it meets
/// there as UNKNOWN "Exception was thrown by handler"; an <see cref="RpcException"/> keeps its status.
/// Found by grpc-dotnet (and JSON transcoding, reflection) through <see cref="BindServiceMethodAttribute"/>
/// on <see cref="ClaimTrackerService"/>.
/// </summary>
internal static class RequestParsing
{
    /// <summary>The service's descriptor, which JSON transcoding and reflection look up on the binding type.</summary>
    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => V1.ClaimTracker.Descriptor;

    public static void BindService(ServiceBinderBase binder, V1.ClaimTracker.ClaimTrackerBase serviceImpl) =>
        V1.ClaimTracker.BindService(new ParseFailureBinder(binder), serviceImpl);

    internal static Method<TRequest, TResponse> WithCheckedParsing<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var marshaller = method.RequestMarshaller;
        var checkedMarshaller = Marshallers.Create(marshaller.ContextualSerializer, context => Parse(marshaller, context, method.Name));
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, checkedMarshaller, method.ResponseMarshaller);
    }

    private static T Parse<T>(Marshaller<T> marshaller, DeserializationContext context, string methodName)
    {
        try
        {
            return marshaller.ContextualDeserializer(context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                $"the {methodName} request is not a valid protobuf message ({ex.Message}); strings must be UTF-8"));
        }
    }

    private sealed class ParseFailureBinder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(
            Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
            => inner.AddMethod(WithCheckedParsing(method), handler);

        public override void AddMethod<TRequest, TResponse>(
            Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
            => inner.AddMethod(WithCheckedParsing(method), handler);

        public override void AddMethod<TRequest, TResponse>(
            Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
            => inner.AddMethod(WithCheckedParsing(method), handler);

        public override void AddMethod<TRequest, TResponse>(
            Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
            => inner.AddMethod(WithCheckedParsing(method), handler);
    }
}
