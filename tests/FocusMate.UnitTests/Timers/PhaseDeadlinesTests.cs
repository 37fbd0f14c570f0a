using FocusMate.Core.Scaling;
using FocusMate.Core.Timers;

namespace FocusMate.UnitTests.Timers;

public class PhaseDeadlinesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnAwakeSchedulerHearsEveryNewTarget()
    {
        var deadlines = new PhaseDeadlines(new SingleInstanceBus());
        deadlines.Awake();
        var next = deadlines.NextChange;

        deadlines.Changed(T0.AddHours(5));

        Assert.True(next.IsCompleted);
    }

    [Fact]
    public void ASleepingSchedulerIsWokenOnlyByAnEarlierTarget()
    {
        var deadlines = new PhaseDeadlines(new SingleInstanceBus());
        deadlines.SleepUntil(T0.AddMinutes(10));
        var next = deadlines.NextChange;

        deadlines.Changed(T0.AddMinutes(25));
        var laterDidNotWake = next.IsCompleted;
        deadlines.Changed(T0.AddMinutes(5));

        Assert.False(laterDidNotWake);
        Assert.True(next.IsCompleted);
    }

    [Fact]
    public void AnotherInstancesTargetWakesItToo()
    {
        var bus = new RecordingBus();
        var deadlines = new PhaseDeadlines(bus);
        deadlines.ListenAsync();
        deadlines.SleepUntil(T0.AddMinutes(10));
        var next = deadlines.NextChange;

        bus.Deliver(PhaseDeadlines.Topic, T0.AddMinutes(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(next.IsCompleted);
    }

    [Fact]
    public void ANewTargetIsAnnouncedToTheOtherInstances()
    {
        var bus = new RecordingBus();
        var deadlines = new PhaseDeadlines(bus);

        deadlines.Changed(T0);

        Assert.Equal((PhaseDeadlines.Topic, T0.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)), Assert.Single(bus.Published));
    }

    private sealed class RecordingBus : IInstanceBus
    {
        private readonly Dictionary<string, Action<string>> _handlers = [];

        public List<(string Topic, string Message)> Published { get; } = [];

        public void Publish(string topic, string message) => Published.Add((topic, message));

        public Task SubscribeAsync(string topic, Action<string> handler)
        {
            _handlers[topic] = handler;
            return Task.CompletedTask;
        }

        public void Deliver(string topic, string message) => _handlers[topic](message);

        public event EventHandler? Restored
        {
            add { }
            remove { }
        }
    }
}
