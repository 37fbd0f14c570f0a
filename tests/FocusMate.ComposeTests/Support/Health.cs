namespace FocusMate.ComposeTests.Support;

/// <summary>What the services' logs and containers must not show.</summary>
public static class Health
{
    private static readonly string[] NginxLevels = ["[warn]", "[error]", "[crit]", "[alert]", "[emerg]"];

    /// <summary>The API's log lines at Warning level or above (its logs are JSON lines with "@l").</summary>
    public static IReadOnlyList<string> ApiProblems(string log) =>
        Lines(log).Where(l => l.Contains("\"@l\":\"Warning\"", StringComparison.Ordinal)
            || l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal)
            || l.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal)).ToList();

    /// <summary>nginx's warnings and errors, and the entrypoint's, except requests refused by the rate limits.</summary>
    public static IReadOnlyList<string> NginxProblems(string log) =>
        Lines(log).Where(l => (NginxLevels.Any(level => l.Contains(level, StringComparison.Ordinal)) || l.Contains("ERROR", StringComparison.Ordinal))
            && !l.Contains("limiting requests", StringComparison.Ordinal)
            && !l.Contains("limiting connections", StringComparison.Ordinal)).ToList();

    /// <summary>PostgreSQL's ERROR and FATAL lines.</summary>
    public static IReadOnlyList<string> PostgresProblems(string log) =>
        Lines(log).Where(l => l.Contains("ERROR:", StringComparison.Ordinal) || l.Contains("FATAL:", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Every container of the stack runs its main process as a non-root user on a read-only root file system;
    /// returns what does not.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PrivilegeProblemsAsync(ComposeStack stack, IEnumerable<string> services)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var problems = new List<string>();
        foreach (var service in services)
        {
            if (await stack.InspectAsync(service, "{{.HostConfig.ReadonlyRootfs}}") != "true")
            {
                problems.Add($"{service}: the root file system is writable");
            }

            // The effective uid of PID 1, after any entrypoint has dropped its privileges.
            var status = (await stack.ComposeAsync("exec", "-T", service, "cat", "/proc/1/status")).OrThrow().Output;
            var uid = Lines(status).Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2];
            if (uid == "0")
            {
                problems.Add($"{service}: the main process runs as root");
            }
        }

        return problems;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
