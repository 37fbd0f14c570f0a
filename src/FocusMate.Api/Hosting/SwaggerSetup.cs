using System.Reflection;
using FocusMate.Core.Rooms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace FocusMate.Api.Hosting;

public static class SwaggerSetup
{
    private const string Scheme = "Bearer";

    /// <summary>The order a newcomer reads the API in: make a room, join it, run its timer, look back.</summary>
    private static readonly string[] ControllerOrder = ["Rooms", "Participants", "Timer", "Messages", "History"];

    /// <summary>The OpenAPI document from the controllers' XML docs, with the participant token as a Bearer scheme.</summary>
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "FocusMate API",
                Version = "v1",
                Description = "A team Pomodoro timer: rooms, participants and one server-authoritative timer. "
                    + "Real-time events come from the SignalR hub at /hubs/room (see the README). "
                    + "Create a room or join one to get a participant token, then press Authorize and paste it.",
            });
            options.IncludeXmlComments(XmlDocsOf(typeof(SwaggerSetup).Assembly), includeControllerXmlComments: true);
            options.IncludeXmlComments(XmlDocsOf(typeof(CreateRoomRequest).Assembly));
            options.AddSecurityDefinition(Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The participant token from creating or joining a room.",
            });
            options.OperationFilter<ParticipantTokenRequirement>();
            options.DocumentFilter<HubContractSchemas>();
            options.CustomSchemaIds(HubContractSchemas.SchemaId);
            options.OrderActionsBy(api => $"{Array.IndexOf(ControllerOrder, api.ActionDescriptor.RouteValues["controller"])}:{api.RelativePath}");
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "FocusMate API v1");
            options.DocumentTitle = "FocusMate API";
            options.EnablePersistAuthorization();
        });
        return app;
    }

    private static string XmlDocsOf(Assembly assembly) => Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");

    /// <summary>Marks the operations that need a participant token, so Swagger UI sends the one given to Authorize.</summary>
    private sealed class ParticipantTokenRequirement : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any())
            {
                return;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
        }
    }
}
