using FocusMate.Api.Errors;
using FocusMate.Api.Hubs;
using FocusMate.Api.Json;
using FocusMate.Core.Events;
using FocusMate.Infrastructure;
using FocusMate.Api.RateLimiting;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

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
            .Validate(o => o.HubSendBufferBytes >= 4096, "Api:HubSendBufferBytes must be at least 4096.")
            .Validate(o => o.HubSendTimeout >= TimeSpan.FromSeconds(1), "Api:HubSendTimeout must be at least a second.")
            .ValidateOnStart();
        var limits = configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();

        services.AddControllers(options =>
            {
                options.InputFormatters.Insert(0, new StrictJsonInputFormatter(limits.MaxRequestBodyBytes));
                // Requests are validated by FluentValidation in the services; DataAnnotations only document them.
                options.ModelValidatorProviders.Clear();
                // The API takes JSON only: form bodies are never read (MVC's form readers throw on malformed keys).
                options.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
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
                // Outermost first: refusals (rate limits included) are reported by the error filter.
                options.AddFilter<HubErrorFilter>();
                options.AddFilter<HubRateLimitFilter>();
                options.AddFilter<HubLoadSheddingFilter>();
            })
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions));
        if (DependencyInjection.UsesRedis(configuration))
        {
            // Several instances: a group send on one reaches the room's clients on all of them. The backplane
            // shares the one Redis connection of presence and instance notices.
            signalR.AddStackExchangeRedis();
            services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
                options.ConnectionFactory = _ => Task.FromResult(redis));
        }

        services.AddSingleton<HubErrorFilter>();
        services.AddSingleton<HubLoadSheddingFilter>();
        services.AddSingleton<RoomConnections>();
        services.AddHostedService(provider => provider.GetRequiredService<RoomConnections>());
        services.AddHostedService<ConnectionReconciler>();
        services.AddSingleton<IRoomEvents, HubRoomEvents>();
        return services;
    }
}
