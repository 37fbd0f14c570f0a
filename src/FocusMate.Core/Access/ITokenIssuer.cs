namespace FocusMate.Core.Access;

/// <summary>Makes the signed participant tokens that REST and the hub accept.</summary>
public interface ITokenIssuer
{
    /// <summary>A token naming the participant; <paramref name="tokenVersion"/> is the participant's current token version.</summary>
    string Issue(Guid roomId, Guid participantId, bool isHost, int tokenVersion = 0);
}
