using FocusMate.Api.Auth;
using FocusMate.Api.Hosting;
using FocusMate.Api.Hubs;
using FocusMate.Api.RateLimiting;
using FocusMate.Core;
using FocusMate.Infrastructure;
using FocusMate.Infrastructure.Data;

if (await MaintenanceCommands.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
var dataDirectory = builder.DataDirectory();

builder.Services
    .AddStructuredLogging(builder.Configuration)
    .AddCore()
    .AddInfrastructure(builder.Configuration, dataDirectory)
    .AddParticipantTokens(builder.Configuration, dataDirectory)
    .AddApi(builder.Configuration)
    .AddRateLimits()
    .AddTrustedProxies(builder.Configuration)
    .AddApiDocumentation()
    .AddHealth()
    .AddTelemetry(builder.Configuration);
builder.WebHost.UseRequestLimits(builder.Configuration);

var app = builder.Build();
await app.Services.MigrateDatabaseAsync();

app.UseTrustedProxies();
app.UseSecurityHeaders();
// The request log wraps the exception handler, so each line shows the status the client got (a 404 is not a 500).
app.UseRequestLogging();
app.UseExceptionHandler();
app.UseShutdownGate();
app.UseLoadShedding();
app.UseSpaFiles();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapControllers();
app.MapRoomHub();
app.MapHealth();
app.MapMetrics();
app.MapApiDocumentation();
app.MapSpaFallback();

await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
