using FluentValidation;
using FocusMate.Core.Access;
using FocusMate.Core.History;
using FocusMate.Core.Participants;
using FocusMate.Core.Rooms;
using FocusMate.Core.Timers;
using FocusMate.Core.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddOptions<SchedulerOptions>()
            .BindConfiguration(SchedulerOptions.Section)
            .Validate(o => o.RescanInterval > TimeSpan.Zero, "Scheduler:RescanInterval must be positive.")
            .Validate(o => o.BatchSize > 0, "Scheduler:BatchSize must be positive.")
            .ValidateOnStart();
        services.AddHostedService<PhaseScheduler>();
        return services;
    }
}
