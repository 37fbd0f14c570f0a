namespace FocusMate.Core.Admission;

/// <summary>
/// Which writes the database writer may shed under load. A unit of work — a REST request, a hub call — is
/// judged at its first write only: once admitted, its later writes always queue, so a request is refused
/// before it changes anything or carried through to the end, never cut off halfway. Work the server does
/// for itself (phase completions, connects and disconnects, the retention sweep) is never shed.
/// </summary>
public static class WriteAdmission
{
    private static readonly AsyncLocal<Ticket?> Current = new();

    /// <summary>The unit of work the current flow belongs to, if any.</summary>
    public static Ticket? Active => Current.Value;

    /// <summary>Starts a unit of work that may be shed at its first write.</summary>
    public static IDisposable Begin() => Enter(new Ticket(unshedded: false));

    /// <summary>Starts work the writer never sheds.</summary>
    public static IDisposable BeginUnshedded() => Enter(new Ticket(unshedded: true));

    private static Scope Enter(Ticket ticket)
    {
        var outer = Current.Value;
        Current.Value = ticket;
        return new Scope(outer);
    }

    /// <summary>One unit of work's standing with the writer (shared by every step of its flow).</summary>
    public sealed class Ticket(bool unshedded)
    {
        private volatile bool _admitted;

        /// <summary>True when this work's writes must not be refused: never sheddable, or admitted already.</summary>
        public bool MustQueue => unshedded || _admitted;

        /// <summary>Records that a write of this work got its turn.</summary>
        public void Admit() => _admitted = true;
    }

    private sealed class Scope(Ticket? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
