using FocusMate.Core.Timers;

namespace FocusMate.Core.Push;

/// <summary>The words of a phase-end push, in the language the subscriber chose (the banner of the app says the same).</summary>
public static class PushTexts
{
    public static (string Title, string Body) For(string language, string roomName, PhaseCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var korean = language == "ko";
        var next = completion.NextSessionType;
        var title = completion.CompletedSessionType == SessionType.Work
            ? (korean ? "집중 시간이 끝났어요" : "Focus session complete")
            : (korean ? "휴식이 끝났어요" : "Break is over");
        var body = (next, completion.AutoStart, korean) switch
        {
            (SessionType.Work, true, false) => "Your next focus session has started.",
            (SessionType.Work, true, true) => "다음 집중 시간이 시작됐어요.",
            (SessionType.Work, false, false) => "Ready to focus? Start the next session when you are.",
            (SessionType.Work, false, true) => "준비되면 다음 집중 시간을 시작하세요.",
            (SessionType.LongBreak, true, false) => "Your long break has started.",
            (SessionType.LongBreak, true, true) => "긴 휴식이 시작됐어요.",
            (SessionType.LongBreak, false, false) => "Time for a long break.",
            (SessionType.LongBreak, false, true) => "긴 휴식을 취할 시간이에요.",
            (_, true, false) => "Your break has started.",
            (_, true, true) => "휴식이 시작됐어요.",
            (_, false, false) => "Time for a short break.",
            (_, false, true) => "잠깐 쉬어 갈 시간이에요.",
        };
        return (title, $"{roomName} · {body}");
    }
}
