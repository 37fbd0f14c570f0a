using FocusMate.Api.Errors;
using FocusMate.Api.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FocusMate.Api.Hosting;

public static class ApiSetup
{
    /// <summary>Controllers with the strict JSON contract, and problem details for every failure.</summary>
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

        return services;
    }
}
