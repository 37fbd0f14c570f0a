namespace FocusMate.Core.Access;

/// <summary>Makes the signed participant tokens that REST and the hub accept.</summary>
public interface ITokenIssuer
{
    string Issue(Guid roomId, Guid participantId, bool isHost);
}
