namespace FocusMate.Core.Chat;

/// <summary>Chat limits (configuration section <c>Chat</c>).</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>How many messages one participant may send per <see cref="Window"/>.</summary>
    public int MessagesPerWindow { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many recent messages <c>join_room</c> returns.</summary>
    public int HistoryOnJoin { get; set; } = 100;
}
