namespace FocusMate.Core.Scaling;

/// <summary>The bus of a single process: nobody else to tell.</summary>
public sealed class SingleInstanceBus : IInstanceBus
{
    public void Publish(string topic, string message)
    {
    }

    public Task SubscribeAsync(string topic, Action<string> handler) => Task.CompletedTask;

    public event EventHandler? Restored
    {
        add { }
        remove { }
    }
}
