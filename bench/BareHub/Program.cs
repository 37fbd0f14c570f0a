using System.Text.Encodings.Web;
using System.Text.Json;
using BareHub;
using Microsoft.AspNetCore.Http.Json;

// The baseline: FocusMate's wire shapes with nothing behind them (no database, no auth, no logging per
// request). The same load generator measures both, so FocusMate / bare ratios hold on a noisy machine.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<BareStore>();
builder.Services.Configure<JsonOptions>(o => Wire.Configure(o.SerializerOptions));
builder.Services.AddSignalR().AddJsonProtocol(o => Wire.Configure(o.PayloadSerializerOptions));

var app = builder.Build();
app.UseWebSockets();
var api = app.MapGroup("/api/v1/rooms");
api.MapPost("/", (CreateRoom request, BareStore store) => Results.Json(store.Create(request), statusCode: 201));
api.MapGet("/{roomId:guid}", (Guid roomId, BareStore store) =>
    store.Find(roomId) is { } room ? Results.Json(room.ToResponse(DateTimeOffset.UtcNow)) : Results.NotFound());
api.MapPost("/{roomId:guid}/participants", (Guid roomId, JoinRoom request, BareStore store) =>
    store.Find(roomId) is { } room ? Results.Json(room.Join(request.UserName).ToJoined(), statusCode: 201) : Results.NotFound());
api.MapPost("/{roomId:guid}/timer/{command}", (Guid roomId, string command, BareStore store) =>
    store.Find(roomId) is { } room && room.Apply(command) is { } state ? Results.Json(state) : Results.Conflict());
app.MapHub<RoomHub>("/hubs/room");
app.MapGet("/health", () => "ok");
await app.RunAsync();

namespace BareHub
{
    /// <summary>The JSON of FocusMate's API: snake_case names, relaxed escaping, instants as ISO 8601 UTC with milliseconds.</summary>
    internal static class Wire
    {
        public static void Configure(JsonSerializerOptions options)
        {
            options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            options.Converters.Add(new UtcInstantConverter());
        }
    }
}
