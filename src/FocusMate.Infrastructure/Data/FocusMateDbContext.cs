using System.Text.Json;
using FocusMate.Core.Audit;
using FocusMate.Core.Chat;
using FocusMate.Core.History;
using FocusMate.Core.Participants;
using FocusMate.Core.Push;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// The database of rooms, timers, participants and history. Each provider has a subclass with its own
/// migration set (a SQLite migration is not valid on PostgreSQL).
/// </summary>
public abstract class FocusMateDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Room> Rooms => Set<Room>();

    internal DbSet<TimerRow> Timers => Set<TimerRow>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<TimerSession> Sessions => Set<TimerSession>();

    public DbSet<RoomWorkRun> WorkRuns => Set<RoomWorkRun>();

    public DbSet<ChatMessage> Messages => Set<ChatMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<FocusInterval> FocusIntervals => Set<FocusInterval>();

    public DbSet<WebPushSubscription> PushSubscriptions => Set<WebPushSubscription>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<TimerStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SessionType>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SessionOutcome>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ParticipantStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <summary>The SQL of "this participant is the host", which differs between providers.</summary>
    protected abstract string IsHostFilter { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FocusMateDbContext).Assembly);
        // At most one host per room, kept by the database itself.
        modelBuilder.Entity<Participant>().HasIndex(p => p.RoomId, "IX_participants_one_host_per_room").IsUnique().HasFilter(IsHostFilter);
        UseSnakeCaseNames(modelBuilder);
    }

    /// <summary>Tables and columns are named as the wire names things: <c>timer_sessions.started_at</c>.</summary>
    private static void UseSnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var complex in entity.GetComplexProperties())
            {
                NameComplexColumns(complex);
            }
        }
    }

    private static void NameComplexColumns(IMutableComplexProperty complex)
    {
        foreach (var property in complex.ComplexType.GetProperties())
        {
            property.SetColumnName(SnakeCase(property.Name));
        }
    }

    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
