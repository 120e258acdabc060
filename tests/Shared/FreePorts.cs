using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ClaimTracker.TestSupport;

/// <summary>
/// Ports for servers the tests start on a port of their own choosing (silo ports, PostgreSQL, a server restarted on
/// the same address). A port is only free until someone binds it, so a port taken from the kernel's ephemeral range
/// (where a listen on port 0 ends and every outgoing connection gets its local port) can be taken again by another
/// process's connection before the server binds it. These come from below that range, at random, and are checked.
/// </summary>
public static class FreePorts
{
    // Below Linux's default ephemeral range (32768–60999) and above the registered services most machines run.
    private const int First = 20_000;
    private const int Last = 32_700;

    // Ports handed out before are free again until their server binds: a test that takes two at once (a server's gRPC and
    // web ports) could otherwise get the same one twice, and its second listener would find it in use.
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (!HandedOut.TryAdd(port, true))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException($"no free port between {First} and {Last} after 200 tries");
    }
}
