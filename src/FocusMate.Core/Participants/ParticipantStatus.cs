namespace FocusMate.Core.Participants;

/// <summary>What a participant tells the room they are doing.</summary>
public enum ParticipantStatus
{
    /// <summary>Working on something.</summary>
    Focusing,
    /// <summary>Taking a break.</summary>
    Break,
    /// <summary>Not at the desk.</summary>
    Away,
}
