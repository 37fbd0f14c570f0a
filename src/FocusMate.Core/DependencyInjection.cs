using FluentValidation;
using FocusMate.Core.Access;
using FocusMate.Core.Audit;
using FocusMate.Core.Background;
using FocusMate.Core.Chat;
using FocusMate.Core.History;
using FocusMate.Core.Push;
using FocusMate.Core.Retention;
using FocusMate.Core.Rooms;
using FocusMate.Core.Services;
using FocusMate.Core.Timers;
using FocusMate.Core.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace FocusMate.Core;

public static class DependencyInjection
{
    /// <summary>The domain services, validators and the phase scheduler.</summary>
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        ValidatorExtensions.UseSnakeCaseFieldNames();
        services.AddValidatorsFromAssemblyContaining<CreateRoomRequestValidator>(ServiceLifetime.Singleton);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PhaseDeadlines>();
        services.AddScoped<RoomAccess>();
        services.AddScoped<RoomService>();
        services.AddScoped<ParticipantService>();
        services.AddScoped<TimerService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<ChatService>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<TimerMetrics>();
        services.AddOptions<ChatOptions>()
            .BindConfiguration(ChatOptions.Section)
            .Validate(o => o.HistoryOnJoin is >= 0 and <= ChatService.MaxLimit, $"Chat:HistoryOnJoin must be 0–{ChatService.MaxLimit}.")
            .Validate(o => o.MaxMessagesPerRoom >= Math.Max(1, o.HistoryOnJoin), "Chat:MaxMessagesPerRoom must be at least 1 and at least Chat:HistoryOnJoin.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.RoomInactivity > TimeSpan.Zero && o.OfflineParticipant > TimeSpan.Zero && o.NeverConnectedParticipant > TimeSpan.Zero,
                "Retention periods must be positive.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero && o.SweepInterval <= TimeSpan.FromDays(1), "Retention:SweepInterval must be between 0 and 1 day.")
            .Validate(o => o.BatchSize > 0, "Retention:BatchSize must be positive.")
            .ValidateOnStart();
        services.AddHostedService<RoomJanitor>();
        services.AddOptions<SchedulerOptions>()
            .BindConfiguration(SchedulerOptions.Section)
            .Validate(o => o.RescanInterval > TimeSpan.Zero && o.RescanInterval <= TimeSpan.FromDays(1), "Scheduler:RescanInterval must be between 0 and 1 day.")
            .Validate(o => o.BatchSize > 0, "Scheduler:BatchSize must be positive.")
            .Validate(o => o.Concurrency is >= 1 and <= 64, "Scheduler:Concurrency must be 1–64.")
            .ValidateOnStart();
        services.AddHostedService<PhaseScheduler>();
        services.AddHostedService<PresenceKeeper>();
        services.AddScoped<FocusTracker>();
        services.AddSingleton<FocusChanges>();
        services.AddHostedService<FocusRecorder>();
        services.AddScoped<PushService>();
        services.AddSingleton<PhaseEndPushes>();
        services.AddSingleton<PushMetrics>();
        services.AddOptions<PushOptions>()
            .BindConfiguration(PushOptions.Section)
            .Validate(o => o.EffectiveAllowedEndpoints.All(e => e.StartsWith("https://", StringComparison.Ordinal) || e.StartsWith("http://", StringComparison.Ordinal)),
                "Push:AllowedEndpoints must be origins (https://host[:port], or https://*.domain).")
            .Validate(o => o.Concurrency is >= 1 and <= 256 && o.MaxPerParticipant >= 1 && o.SendTimeout > TimeSpan.Zero,
                "Push:Concurrency must be 1–256, Push:MaxPerParticipant at least 1, Push:SendTimeout positive.")
            .ValidateOnStart();
        services.AddHostedService<PhaseEndNotifier>();
        return services;
    }
}
