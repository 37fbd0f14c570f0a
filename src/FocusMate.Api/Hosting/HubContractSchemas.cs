using FocusMate.Api.Contracts;
using FocusMate.Api.Hubs;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace FocusMate.Api.Hosting;

/// <summary>
/// Puts the hub's wire shapes (docs/realtime.md) in the OpenAPI document beside the REST ones, so a client's
/// types for events and method answers come from the same source as everything else: each event's payload
/// (<c>RoomEvent_*</c>, one per event) and the answers of <c>join_room</c> and <c>sync</c>.
/// </summary>
public sealed class HubContractSchemas : IDocumentFilter
{
    /// <summary>Every hub event's name and the type of its <c>data</c>.</summary>
    public static readonly IReadOnlyList<(string Event, Type Data)> Events =
    [
        ("timer_update", typeof(TimerStateResponse)),
        ("timer_complete", typeof(TimerCompleteData)),
        ("participant_update", typeof(ParticipantUpdateData)),
        ("room_updated", typeof(RoomResponse)),
        ("room_deleted", typeof(RoomDeletedData)),
        ("chat_message", typeof(ChatMessageResponse)),
        ("error", typeof(ErrorData)),
    ];

    /// <summary>Answers of hub methods that REST has no shape for.</summary>
    public static readonly IReadOnlyList<Type> Answers = [typeof(RoomSnapshot), typeof(SyncResult), typeof(LastCompletion)];

    /// <summary>Schema names: a type's own name, and for an event's payload the event's (<c>timer_update</c> → <c>TimerUpdateEvent</c>).</summary>
    public static string SchemaId(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(RoomEvent<>))
        {
            return type.Name;
        }

        var data = type.GetGenericArguments()[0];
        var name = Events.FirstOrDefault(e => e.Data == data).Event ?? data.Name;
        return string.Concat(name.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..])) + "Event";
    }

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (_, data) in Events)
        {
            context.SchemaGenerator.GenerateSchema(typeof(RoomEvent<>).MakeGenericType(data), context.SchemaRepository);
        }

        foreach (var type in Answers)
        {
            context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository);
        }
    }
}
