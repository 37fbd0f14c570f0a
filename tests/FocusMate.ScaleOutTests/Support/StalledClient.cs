using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace FocusMate.ScaleOutTests.Support;

/// <summary>
/// A raw SignalR client over a socket with a tiny receive buffer that joins its room and then never reads again:
/// what a laptop that went to sleep looks like to the server, which cuts it off once its send buffer fills. On
/// loopback the kernel lets a socket's send buffer grow to megabytes before that happens; <see cref="AskAsync"/>
/// fills it quickly (each <c>join_room</c> answers with the room's chat history).
/// </summary>
public sealed class StalledClient : IDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private int _invocation = 1;

    private StalledClient(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    public static async Task<StalledClient> ConnectAsync(Uri origin, string token)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(origin) { Scheme = "ws", Path = "hubs/room", Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri;
        var invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        await socket.ConnectAsync(uri, invoker, CancellationToken.None);
        await SendAsync(socket, """{"protocol":"json","version":1}""");
        await ReceiveAsync(socket); // the handshake
        await SendAsync(socket, """{"type":1,"invocationId":"1","target":"join_room","arguments":[]}""");
        while (!(await ReceiveAsync(socket)).Contains("\"invocationId\":\"1\"", StringComparison.Ordinal))
        {
        }

        return new StalledClient(socket, invoker); // from here on, nothing is read
    }

    /// <summary>Sends <c>join_room</c> calls without reading the answers; false once the server has closed the connection.</summary>
    public async Task<bool> AskAsync(int calls)
    {
        try
        {
            for (var i = 0; i < calls; i++)
            {
                await SendAsync(_socket, $$"""{"type":1,"invocationId":"{{Interlocked.Increment(ref _invocation)}}","target":"join_room","arguments":[]}""");
            }

            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
        _invoker.Dispose();
    }

    private static Task SendAsync(ClientWebSocket socket, string message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message + '\u001e'), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        return text.ToString();
    }
}
