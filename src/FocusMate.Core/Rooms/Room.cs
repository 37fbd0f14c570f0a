namespace FocusMate.Core.Rooms;

/// <summary>A team's room: its name, its settings and when it was last used.</summary>
public sealed class Room
{
    public Room(Guid id, string name, RoomSettings settings, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(name);
        Id = id;
        Name = name;
        NormalizedName = Normalize(name);
        Settings = settings;
        ParticipantCount = 1; // a room is created together with its host
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        LastActivityAt = createdAt;
    }

    /// <summary>For EF Core, which sets the properties from the row.</summary>
    private Room()
    {
        Name = NormalizedName = "";
        Settings = RoomSettings.Default;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The name folded for the case-insensitive uniqueness rule.</summary>
    public string NormalizedName { get; private set; }

    public RoomSettings Settings { get; private set; }

    /// <summary>How many participants the room holds now (kept with the room so the capacity check is one atomic update).</summary>
    public int ParticipantCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset LastActivityAt { get; private set; }

    /// <summary>Activity is kept to the minute: a room used less than a minute ago needs no new record.</summary>
    public static readonly TimeSpan ActivityResolution = TimeSpan.FromMinutes(1);

    public static string Normalize(string name) => name.ToUpperInvariant();

    /// <summary>A copy to change without touching this one (a cached room is shared by readers).</summary>
    public Room Copy() => (Room)MemberwiseClone();

    public bool ShouldRecordActivity(DateTimeOffset now) => now - LastActivityAt >= ActivityResolution;

    public void ChangeSettings(RoomSettings settings, DateTimeOffset now)
    {
        Settings = settings;
        UpdatedAt = now;
        LastActivityAt = now;
    }
}
