using FocusMate.TestSupport;
namespace FocusMate.IntegrationTests.Support;

/// <summary>A test with an app of its own (its own database, its own fake clock) and a client for it.</summary>
public abstract class AppTest : IDisposable
{
    protected AppTest() => Client = App.CreateClient();

    protected FocusMateFactory App { get; } = new();

    protected HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
