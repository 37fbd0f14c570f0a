using FluentValidation;
using FocusMate.Core.Access;
using FocusMate.Core.Chat;
using FocusMate.Core.Errors;
using FocusMate.Core.Events;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Core.Validation;
using Microsoft.Extensions.Options;

namespace FocusMate.Core.Services;

/// <summary>The room's chat: members send and read; everyone in the room hears each message.</summary>
public sealed class ChatService(
    IRoomRepository rooms,
    IChatRepository chat,
    RoomAccess access,
    IRoomEvents events,
    IValidator<SendMessageRequest> validator,
    IOptions<ChatOptions> options,
    TimeProvider clock)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public async Task<ChatMessage> SendAsync(Guid roomId, Caller? caller, SendMessageRequest request, CancellationToken cancellationToken)
    {
        var room = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        var author = await access.RequireMemberAsync(roomId, caller, cancellationToken);
        await validator.EnsureValidAsync(request, cancellationToken);
        var now = clock.GetUtcNowMilliseconds();
        var message = new ChatMessage(Guid.NewGuid(), roomId, author.Id, author.UserName, request.Text!.Trim(), now);
        await chat.AddAsync(message, options.Value.MaxMessagesPerRoom, cancellationToken);
        if (room.ShouldRecordActivity(now))
        {
            await rooms.TouchAsync(roomId, now, cancellationToken);
        }

        await events.ChatMessageAsync(message);
        return message;
    }

    /// <summary>The room's last messages, oldest first (members only).</summary>
    public async Task<IReadOnlyList<ChatMessage>> RecentAsync(Guid roomId, Caller? caller, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            throw RequestValidationException.For("limit", $"'limit' must be between 1 and {MaxLimit}.");
        }

        _ = await rooms.FindAsync(roomId, cancellationToken) ?? throw NotFoundException.Room(roomId);
        await access.RequireMemberAsync(roomId, caller, cancellationToken);
        return await chat.RecentAsync(roomId, take, cancellationToken);
    }
}
