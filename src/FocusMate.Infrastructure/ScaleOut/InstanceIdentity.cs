namespace FocusMate.Infrastructure.ScaleOut;

/// <summary>This process's name among the instances of a deployment.</summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
