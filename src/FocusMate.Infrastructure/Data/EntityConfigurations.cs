using FocusMate.Core.Audit;
using FocusMate.Core.Chat;
using FocusMate.Core.History;
using FocusMate.Core.Participants;
using FocusMate.Core.Push;
using FocusMate.Core.Rooms;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace FocusMate.Infrastructure.Data;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ToTable("rooms");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(50).IsRequired();
        builder.Property(r => r.NormalizedName).HasMaxLength(50).IsRequired();
        builder.HasIndex(r => r.NormalizedName).IsUnique();
        builder.HasIndex(r => r.LastActivityAt);
        builder.ComplexProperty(r => r.Settings);
    }
}

internal sealed class TimerRowConfiguration : IEntityTypeConfiguration<TimerRow>
{
    public void Configure(EntityTypeBuilder<TimerRow> builder)
    {
        builder.ToTable("timers");
        builder.HasKey(t => t.RoomId);
        builder.HasOne<Room>().WithOne().HasForeignKey<TimerRow>(t => t.RoomId).OnDelete(DeleteBehavior.Cascade);
        // The scheduler asks for the earliest target; only running timers have one.
        builder.HasIndex(t => t.TargetAt);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("participants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.UserName).HasMaxLength(50).IsRequired();
        builder.Property(p => p.Task).HasMaxLength(Participant.MaxTaskLength);
        builder.HasOne<Room>().WithMany().HasForeignKey(p => p.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.RoomId, p.JoinedAt });
    }
}

internal sealed class TimerSessionConfiguration : IEntityTypeConfiguration<TimerSession>
{
    public void Configure(EntityTypeBuilder<TimerSession> builder)
    {
        builder.ToTable("timer_sessions");
        builder.HasKey(s => s.Id);
        builder.HasOne<Room>().WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.RoomId, s.EndedAt });
    }
}

internal sealed class RoomWorkRunConfiguration : IEntityTypeConfiguration<RoomWorkRun>
{
    public void Configure(EntityTypeBuilder<RoomWorkRun> builder)
    {
        builder.ToTable("work_runs");
        // One index for the key and the statistics' range read (a room's runs by their end): a row costs one insert
        // into it, not one into a key of its own as well.
        builder.HasKey(r => new { r.RoomId, r.EndedAt });
        builder.Ignore(r => r.Run);
        builder.HasOne<Room>().WithMany().HasForeignKey(r => r.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("chat_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.UserName).HasMaxLength(50).IsRequired();
        builder.Property(m => m.Text).HasMaxLength(SendMessageRequest.MaxLength).IsRequired();
        // Messages outlive their author's membership, but not their room.
        builder.HasOne<Room>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.RoomId, m.SentAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActorName).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Details).HasMaxLength(AuditTrail.MaxDetailsLength).IsRequired();
        builder.HasOne<Room>().WithMany().HasForeignKey(a => a.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.RoomId, a.At });
    }
}

internal sealed class FocusIntervalConfiguration : IEntityTypeConfiguration<FocusInterval>
{
    public void Configure(EntityTypeBuilder<FocusInterval> builder)
    {
        builder.ToTable("focus_intervals");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.UserName).HasMaxLength(50).IsRequired();
        // Focus outlives its participant's membership (statistics show people who left), but not its room.
        builder.HasOne<Room>().WithMany().HasForeignKey(f => f.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.RoomId, f.EndedAt });
    }
}

internal sealed class WebPushSubscriptionConfiguration : IEntityTypeConfiguration<WebPushSubscription>
{
    public void Configure(EntityTypeBuilder<WebPushSubscription> builder)
    {
        builder.ToTable("push_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Endpoint).HasMaxLength(2048).IsRequired();
        builder.Property(s => s.P256dh).HasMaxLength(128).IsRequired();
        builder.Property(s => s.Auth).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Language).HasMaxLength(8).IsRequired();
        builder.HasOne<Room>().WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Cascade);
        // A participant who leaves or is removed loses its subscriptions with it.
        builder.HasOne<Participant>().WithMany().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ParticipantId, s.Endpoint }).IsUnique();
        builder.HasIndex(s => s.RoomId);
    }
}
