using FocusMate.Infrastructure.Data;

namespace FocusMate.Api.Hosting;

/// <summary>
/// Commands the API binary runs instead of serving, with the app's own configuration (appsettings.json and the
/// environment): <c>dotnet FocusMate.Api.dll backup &lt;file&gt;</c> writes an online backup of the SQLite database
/// (scripts/backup.sh uses it, also inside the container, which has no sqlite3).
/// </summary>
public static class MaintenanceCommands
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args is not ["backup", var target])
        {
            return false;
        }

        var builder = WebApplication.CreateBuilder();
        Environment.ExitCode = await DatabaseBackup.RunAsync(builder.Configuration, builder.DataDirectory(), target, Console.Out, Console.Error);
        return true;
    }
}
