namespace FocusMate.IntegrationTests.Support;

/// <summary>
/// Tests that listen process-wide (an OpenTelemetry exporter hears the activities and meters of every app in the
/// process) run in this collection, after the others and one at a time, so no other test's app speaks into them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "Alone";
}
