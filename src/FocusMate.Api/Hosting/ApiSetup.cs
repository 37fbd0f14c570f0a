using FocusMate.Api.Errors;
using FocusMate.Api.Hubs;
using FocusMate.Api.Json;
using FocusMate.Core.Events;
using FocusMate.Infrastructure;
using StackExchange.Redis;
using Microsoft.AspNetCore.SignalR;

namespace FocusMate.Api.Hosting;

public static class ApiSetup
{
    /// <summary>Controllers with the strict JSON contract, problem details for every failure, and the room hub.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes >= 1024, "Api:MaxRequestBodyBytes must be at least 1024.")
            .Validate(o => o.MaxHubMessageBytes >= 1024, "Api:MaxHubMessageBytes must be at least 1024.")
            .ValidateOnStart();
        var limits = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();

        services.AddControllers(options =>
            {
                options.InputFormatters.Insert(0, new StrictJsonInputFormatter(limits.MaxRequestBodyBytes));
                // Requests are validated by FluentValidation in the services; DataAnnotations only document them.
                options.ModelValidatorProviders.Clear();
            })
            .AddJsonOptions(options => ApiJson.Configure(options.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = ProblemResponses.FromModelState);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        services.AddSingleton<ShareLinks>();

        var signalR = services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = limits.MaxHubMessageBytes;
                options.AddFilter<HubErrorFilter>();
            })
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions));
        if (DependencyInjection.UsesRedis(configuration))
        {
            // Several instances: a group send on one reaches the room's clients on all of them.
            signalR.AddStackExchangeRedis(configuration.GetConnectionString(DependencyInjection.RedisConnectionStringName)!, options =>
            {
                options.Configuration.ChannelPrefix = RedisChannel.Literal("focusmate:signalr");
                options.Configuration.AbortOnConnectFail = false;
            });
        }

        services.AddSingleton<HubErrorFilter>();
        services.AddSingleton<RoomConnections>();
        services.AddHostedService(provider => provider.GetRequiredService<RoomConnections>());
        services.AddSingleton<IRoomEvents, HubRoomEvents>();
        return services;
    }
}
