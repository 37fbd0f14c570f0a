namespace FocusMate.Core.Chat;

/// <summary>Chat settings (configuration section <c>Chat</c>). How fast one may write is a rate limit (section <c>RateLimiting</c>).</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>How many recent messages <c>join_room</c> returns.</summary>
    public int HistoryOnJoin { get; set; } = 100;

    /// <summary>How many messages a room keeps; older ones are dropped as new ones arrive.</summary>
    public int MaxMessagesPerRoom { get; set; } = 1000;
}
