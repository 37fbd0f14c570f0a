namespace FocusMate.Core.Scaling;

/// <summary>
/// Keys that may be used once in the whole deployment (a hub ticket's id): the first claim wins, on whichever
/// instance it lands, and every later claim of the key is refused for as long as it is kept.
/// </summary>
public interface IOnceOnlyClaims
{
    /// <summary>True for the first claim of <paramref name="key"/>; false when it was claimed already within <paramref name="keepFor"/>.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan keepFor);
}
