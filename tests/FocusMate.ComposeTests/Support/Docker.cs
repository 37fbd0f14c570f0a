using System.Diagnostics;
using System.Text;

namespace FocusMate.ComposeTests.Support;

/// <summary>What a command did: its exit code and what it wrote.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command, its exit code and the end of what it wrote, for a failure message.</summary>
    public string Describe(int lines = 60)
    {
        var text = (Output + Error).Split('\n');
        return $"`{Command}` exited {ExitCode}:\n{string.Join('\n', text.TakeLast(lines))}";
    }

    public CommandResult OrThrow() => Succeeded ? this : throw new InvalidOperationException(Describe());
}

/// <summary>
/// Runs the docker CLI (and its compose plugin) as a person at a terminal would. The environment is this
/// process's, minus the variables the compose files read, so a developer's settings never leak into a test.
/// </summary>
public static class Docker
{
    private static readonly string[] ComposeVariables =
        ["FOCUSMATE_PORT", "FOCUSMATE_SIGNING_KEY", "FOCUSMATE_PUBLIC_URL", "POSTGRES_PASSWORD", "COMPOSE_PROJECT_NAME", "COMPOSE_FILE"];

    public static Task<CommandResult> RunAsync(params string[] arguments) => RunAsync(arguments, null, null, TimeSpan.FromMinutes(2));

    public static async Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("docker")
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in ComposeVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker did not start.");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(error, $"(killed after {timeout.TotalSeconds:F0} s)");
        }

        // WaitForExitAsync returns once the output streams are drained too.
        lock (output)
        {
            lock (error)
            {
                return new CommandResult($"docker {string.Join(' ', arguments)}", process.ExitCode, output.ToString(), error.ToString());
            }
        }
    }

    /// <summary>The command's output, trimmed; throws when it fails.</summary>
    public static async Task<string> OutputAsync(params string[] arguments) => (await RunAsync(arguments)).OrThrow().Output.Trim();

    /// <summary>The output's non-empty lines.</summary>
    public static async Task<IReadOnlyList<string>> LinesAsync(params string[] arguments) =>
        (await OutputAsync(arguments)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }
}
