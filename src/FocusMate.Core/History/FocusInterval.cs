namespace FocusMate.Core.History;

/// <summary>
/// A stretch a participant spent focusing — online, showing focusing, during a running work phase — kept with the
/// name it had, so statistics still show it after the participant left.
/// </summary>
public sealed record FocusInterval(Guid Id, Guid RoomId, Guid ParticipantId, string UserName, DateTimeOffset StartedAt, DateTimeOffset EndedAt)
{
    /// <summary>The seconds of this interval inside [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public double SecondsWithin(DateTimeOffset from, DateTimeOffset to)
    {
        var start = StartedAt > from ? StartedAt : from;
        var end = EndedAt < to ? EndedAt : to;
        return end > start ? (end - start).TotalSeconds : 0;
    }
}
