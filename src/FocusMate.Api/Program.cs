using FocusMate.Api.Auth;
using FocusMate.Api.Hosting;
using FocusMate.Api.Hubs;
using FocusMate.Api.RateLimiting;
using FocusMate.Core;
using FocusMate.Infrastructure.Data;
using FocusMate.Infrastructure.Push;
using FocusMate.Infrastructure.ScaleOut;
using FocusMate.Infrastructure;

// The composition root: what FocusMate is, one part a line. docs/architecture.md says where each part lives.

// `dotnet FocusMate.Api.dll backup <file>` writes an online copy of the SQLite database instead of serving
// (scripts/backup.sh runs it, also inside the container, which has no sqlite3).
if (args is ["backup", var backupFile])
{
    var maintenance = WebApplication.CreateBuilder();
    return await DatabaseBackup.RunAsync(maintenance.Configuration, maintenance.DataDirectory(), backupFile, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var dataDirectory = builder.DataDirectory();

builder.Services
    .AddStructuredLogging(builder.Configuration)
    .AddCore()
    .AddDatabase(builder.Configuration, dataDirectory, HealthSetup.ReadyTag)
    .AddScaleOut(builder.Configuration)
    .AddWebPush(builder.Configuration, dataDirectory)
    .AddParticipantTokens(builder.Configuration, dataDirectory)
    .AddApi(builder.Configuration)
    .AddRoomHub(builder.Configuration)
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
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
