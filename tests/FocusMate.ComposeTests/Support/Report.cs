using System.Globalization;

namespace FocusMate.ComposeTests.Support;

/// <summary>
/// Figures the run reports (build and start-up times, image sizes): printed, and appended to the file named by
/// FOCUSMATE_COMPOSE_REPORT when set (scripts/compose-test.sh prints it at the end).
/// </summary>
public static class Report
{
    private static readonly Lock Gate = new();

    public static void Add(string line)
    {
        Console.WriteLine($"[compose] {line}");
        if (Environment.GetEnvironmentVariable("FOCUSMATE_COMPOSE_REPORT") is { Length: > 0 } path)
        {
            lock (Gate)
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    public static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("F0", CultureInfo.InvariantCulture) + " MB";
}
