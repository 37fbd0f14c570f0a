using System.Collections.Concurrent;
using System.Threading.Channels;
using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using FocusMate.Api.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FocusMate.IntegrationTests.Support;

/// <summary>A real SignalR client on the test server, over WebSockets, that records every event it receives.</summary>
public sealed class RoomHubClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Channel<object>> _events = new();

    private RoomHubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<RoomHubClient> ConnectAsync(TestServer server, string? token, bool join = true)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/room"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult(token);
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                // As a browser does: the token rides in the query string, since WebSockets take no headers there.
                options.WebSocketFactory = async (context, cancellationToken) =>
                    await server.CreateWebSocketClient().ConnectAsync(WithToken(context.Uri, token), cancellationToken);
            })
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions))
            .Build();
        var client = new RoomHubClient(connection);
        client.Record<RoomEvent<TimerStateResponse>>("timer_update");
        client.Record<RoomEvent<TimerCompleteData>>("timer_complete");
        client.Record<RoomEvent<ParticipantUpdateData>>("participant_update");
        client.Record<RoomEvent<RoomResponse>>("room_updated");
        client.Record<RoomEvent<RoomDeletedData>>("room_deleted");
        client.Record<RoomEvent<ErrorData>>("error");
        client.Record<RoomEvent<ChatMessageResponse>>("chat_message");
        await connection.StartAsync();
        if (join)
        {
            await client.JoinAsync();
        }

        return client;
    }

    private static Uri WithToken(Uri uri, string? token) =>
        token is null ? uri : new Uri($"{uri}{(uri.Query.Length > 0 ? "&" : "?")}access_token={Uri.EscapeDataString(token)}");

    public Task<RoomSnapshot> JoinAsync() => Connection.InvokeAsync<RoomSnapshot>("join_room");

    /// <summary>The next event of that name that matches, waiting at most <see cref="Patience"/>.</summary>
    public async Task<RoomEvent<T>> NextAsync<T>(string name, Func<RoomEvent<T>, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var channel = Channel(name);
        while (true)
        {
            var received = (RoomEvent<T>)await channel.Reader.ReadAsync(timeout.Token);
            if (match is null || match(received))
            {
                return received;
            }
        }
    }

    /// <summary>Events of that name received so far and not yet read.</summary>
    public IReadOnlyList<RoomEvent<T>> Pending<T>(string name)
    {
        var list = new List<RoomEvent<T>>();
        while (Channel(name).Reader.TryRead(out var item))
        {
            list.Add((RoomEvent<T>)item);
        }

        return list;
    }

    /// <summary>Completes when the server closes the connection.</summary>
    public Task<Exception?> ClosedAsync()
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        if (Connection.State == HubConnectionState.Disconnected)
        {
            closed.TrySetResult(null);
        }

        return closed.Task;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void Record<T>(string name) => Connection.On<T>(name, e => Channel(name).Writer.TryWrite(e!));

    private Channel<object> Channel(string name) => _events.GetOrAdd(name, _ => System.Threading.Channels.Channel.CreateUnbounded<object>());
}

public static class HubServerExtensions
{
    public static Task<RoomHubClient> ConnectHubAsync(this FocusMateFactory factory, string? token, bool join = true) =>
        RoomHubClient.ConnectAsync(factory.Server, token, join);

    public static T Scoped<T>(this IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
}
