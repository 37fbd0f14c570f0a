namespace FocusMate.Bench;

internal static class Report
{
    public static int Write(string dir)
    {
        Console.WriteLine($"report: {dir} (not written yet)");
        return 0;
    }
}
